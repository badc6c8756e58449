"""User tags (the X of the 1+9+X profile) by rules: a small, safe rule language over person fields.

A rule is ``name: expression``, one per line (``#`` starts a comment line), or a mapping
name -> expression; for example::

    独居老人: age >= 65 and living_alone
    学龄儿童: 6 <= age < 12
    外来常住: registration == "outside" and residence_type == "常住"
    重点关爱: 独居老人 or dibao or disability in ("智力", "精神")

An expression is parsed with :mod:`ast` (Python's own grammar) and only these nodes are allowed:
comparisons (``== != < <= > >= in``, ``not in``, chained as ``6 <= age < 12``), ``and`` / ``or`` /
``not``, numbers (a leading minus too), strings, ``True`` / ``False`` / ``None``, tuples or lists of
those (for ``in``), and names: the person's fields (:data:`TAG_FIELDS`) and the names of the rules
above the rule. No calls, no attributes, no subscripts, no arithmetic, no names with two underscores;
nothing is ever passed to ``eval``: the tree is walked by :func:`evaluate`.

A missing value (``None``: no source gives it) makes an ordering comparison false (``age >= 65``
with an unknown age is false, not an error); a bare name is true when its value is true.

A bad rule raises :class:`ValidationError` naming the rule, its line and the column where the
problem is.
"""
from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import QT_TRANSLATE_NOOP, ValidationError

__all__ = ["TAG_FIELDS", "TagRule", "parse_rules", "evaluate", "apply_rules"]

#: the person fields a rule may name (see :func:`.fuse.person_view` for their values)
TAG_FIELDS = (
    "age", "birth_year", "age_group", "sex", "ethnicity", "living_status", "residence_type", "registration",
    "months_resident", "living_alone", "household_size", "relation_to_head", "employment", "has_employer",
    "employer_in_district", "education_stage", "age_60_plus", "age_65_plus", "age_80_plus",
    "hypertension", "diabetes", "family_doctor", "dibao", "disability", "disability_grade", "elderly_allowance",
    "lives_in_district", "registered_in_district",
)

_COMPARE = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn)


@dataclass(frozen=True)
class TagRule:
    """One parsed rule."""

    name: str
    """the tag it gives"""
    expression: str
    """the expression as written"""
    tree: ast.Expression
    """the checked syntax tree (only the nodes the module docstring allows)"""
    line: int = 1
    """line of the rule in its text (1 = first)"""


# the messages (each one literal on one line, so that pylupdate5 files it)
_T_UNARY = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: only 'not' and a minus before a number are allowed")  # noqa: E501
_T_OP = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: the comparison {op} is not allowed")  # noqa: E501
_T_LIST = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: a list may hold only numbers and strings")  # noqa: E501
_T_CONST = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: only numbers, strings, True, False and None are allowed")  # noqa: E501
_T_DUNDER = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: the name '{name}' is not allowed")  # noqa: E501
_T_UNKNOWN = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: unknown field '{name}' (known: {known})")  # noqa: E501
_T_CALL = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: calls are not allowed")
_T_ATTRIBUTE = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: attributes are not allowed")  # noqa: E501
_T_SUBSCRIPT = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: subscripts are not allowed")  # noqa: E501
_T_ARITHMETIC = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: arithmetic is not allowed")  # noqa: E501
_T_OTHER = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: {node} is not allowed (only comparisons, and/or/not, numbers, strings and field names)")  # noqa: E501
_T_FORM = QT_TRANSLATE_NOOP("CoreErrors", "tag rule on line {line} must read 'name: expression' (column {column})")
_T_NAME = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: the rule's name is not allowed")  # noqa: E501
_T_TAKEN = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: the name is already a field or a rule")  # noqa: E501
_T_EMPTY = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: the expression is empty")  # noqa: E501
_T_SYNTAX = QT_TRANSLATE_NOOP("CoreErrors", "tag rule '{rule}', line {line}, column {column}: not a valid expression ({problem})")  # noqa: E501
_BY_NODE = {ast.Call: _T_CALL, ast.Attribute: _T_ATTRIBUTE, ast.Subscript: _T_SUBSCRIPT, ast.BinOp: _T_ARITHMETIC}


def _error(template: str, rule: str, line: int, column: int, **values) -> ValidationError:
    return ValidationError(template, code="tag_rule", rule=rule, line=line, column=column, **values)


def _check(node: ast.AST, rule: str, line: int, names: set[str]) -> None:
    """Refuse every node the language does not allow (column = 1-based position in the expression)."""
    column = getattr(node, "col_offset", 0) + 1
    if isinstance(node, ast.Expression):
        _check(node.body, rule, line, names)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            _check(value, rule, line, names)
    elif isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            _check(node.operand, rule, line, names)
        elif not (isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)
                  and type(node.operand.value) in (int, float)):
            raise _error(_T_UNARY, rule, line, column)
    elif isinstance(node, ast.Compare):
        for op in node.ops:
            if not isinstance(op, _COMPARE):
                raise _error(_T_OP, rule, line, column, op=type(op).__name__)
        for operand in (node.left, *node.comparators):
            _check(operand, rule, line, names)
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            if not isinstance(element, (ast.Constant, ast.UnaryOp)):
                raise _error(_T_LIST, rule, line, getattr(element, "col_offset", 0) + 1)
            _check(element, rule, line, names)
    elif isinstance(node, ast.Constant):
        if not (node.value is None or type(node.value) in (bool, int, float, str)):
            raise _error(_T_CONST, rule, line, column)
    elif isinstance(node, ast.Name):
        if "__" in node.id:
            raise _error(_T_DUNDER, rule, line, column, name=node.id)
        if node.id not in names:
            raise _error(_T_UNKNOWN, rule, line, column, name=node.id, known=", ".join(sorted(names)))
    else:
        template = _BY_NODE.get(type(node), _T_OTHER)
        raise _error(template, rule, line, column, node=type(node).__name__)


def _lines(rules: str | Mapping[str, str] | Iterable) -> list[tuple[str, str, int]]:
    if isinstance(rules, str):
        out = []
        for n, text in enumerate(rules.splitlines(), start=1):
            text = text.strip()
            if not text or text.startswith("#"):
                continue
            name, sep, expression = text.partition(":")
            if not sep:
                name, sep, expression = text.partition("\uff1a")  # a full-width colon, as typed in Chinese
            if not sep or not name.strip():
                raise _error(_T_FORM, "", n, 1)
            out.append((name.strip(), expression.strip(), n))
        return out
    if isinstance(rules, Mapping):
        return [(str(k).strip(), str(v).strip(), n) for n, (k, v) in enumerate(rules.items(), start=1)]
    out = []
    for n, item in enumerate(rules, start=1):
        if isinstance(item, TagRule):
            out.append((item.name, item.expression, n))
        else:
            name, expression = item
            out.append((str(name).strip(), str(expression).strip(), n))
    return out


def parse_rules(rules: str | Mapping[str, str] | Iterable = (), fields: Iterable[str] = TAG_FIELDS) -> list[TagRule]:
    """Parse and check *rules* (text, a mapping or (name, expression) pairs; see the module docstring).

    A rule may name the fields *fields* and the rules above it. Raises :class:`ValidationError`
    (code ``tag_rule``) on the first bad rule.
    """
    names = set(fields)
    parsed: list[TagRule] = []
    for name, expression, line in _lines(rules):
        if not name or "__" in name or not name.isidentifier():
            raise _error(_T_NAME, name, line, 1)
        if name in names:
            raise _error(_T_TAKEN, name, line, 1)
        if not expression:
            raise _error(_T_EMPTY, name, line, 1)
        try:
            tree = ast.parse(expression, mode="eval")
        except SyntaxError as exc:
            # offset 0: the expression ended too early (the problem is after its end)
            raise _error(_T_SYNTAX, name, line, exc.offset or len(expression) + 1, problem=exc.msg) from None
        _check(tree, name, line, names)
        parsed.append(TagRule(name, expression, tree, line))
        names.add(name)
    return parsed


def _value(node: ast.AST, values: Mapping):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return values.get(node.id)
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.USub):
            return -node.operand.value
        return not _truth(node.operand, values)
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(_value(e, values) for e in node.elts)
    return _truth(node, values)


def _compare(op: ast.cmpop, left, right) -> bool:
    if isinstance(op, ast.Eq):
        return left == right
    if isinstance(op, ast.NotEq):
        return left != right
    if isinstance(op, (ast.In, ast.NotIn)):
        try:
            inside = right is not None and left in right
        except TypeError:
            inside = False
        return inside if isinstance(op, ast.In) else not inside
    if left is None or right is None:
        return False  # an unknown value is neither above nor below anything
    try:
        if isinstance(op, ast.Lt):
            return left < right
        if isinstance(op, ast.LtE):
            return left <= right
        if isinstance(op, ast.Gt):
            return left > right
        return left >= right
    except TypeError:  # a number against a string: not comparable, so false
        return False


def _truth(node: ast.AST, values: Mapping) -> bool:
    if isinstance(node, ast.BoolOp):
        if isinstance(node.op, ast.And):
            return all(_truth(v, values) for v in node.values)
        return any(_truth(v, values) for v in node.values)
    if isinstance(node, ast.Compare):
        left = _value(node.left, values)
        for op, comparator in zip(node.ops, node.comparators):
            right = _value(comparator, values)
            if not _compare(op, left, right):
                return False
            left = right
        return True
    return bool(_value(node, values))


def evaluate(rule: TagRule, values: Mapping) -> bool:
    """Whether the person with field values *values* gets the tag of *rule*."""
    return _truth(rule.tree.body, values)


def apply_rules(rules: Iterable[TagRule], values: dict) -> list[str]:
    """The tags *rules* give to *values*, in rule order; each rule's result is added to *values* under its
    name, so that later rules can use it."""
    tags = []
    for rule in rules:
        hit = evaluate(rule, values)
        values[rule.name] = hit
        if hit:
            tags.append(rule.name)
    return tags
