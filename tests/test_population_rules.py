"""The tag rule language of the population base (core tier: no QGIS)."""
from __future__ import annotations

import pytest
from cim_twin.cim_twin_plugin.core.errors import ValidationError
from cim_twin.cim_twin_plugin.core.population.rules import apply_rules, evaluate, parse_rules

RULES = """
# the planners' usual tags
独居老人: age >= 65 and living_alone
学龄儿童: 6 <= age < 12
外来流动：registration == "outside" and residence_type in ("流动",)
重点关爱: 独居老人 or dibao or disability not in (None, "")
"""


def test_rules_tag_by_person_fields():
    rules = parse_rules(RULES)
    assert [r.name for r in rules] == ["独居老人", "学龄儿童", "外来流动", "重点关爱"]
    assert [r.line for r in rules] == [3, 4, 5, 6]
    old_alone = {"age": 70, "living_alone": True, "registration": "same_room"}
    assert apply_rules(rules, dict(old_alone)) == ["独居老人", "重点关爱"]
    assert apply_rules(rules, {"age": 70, "living_alone": False}) == []
    assert apply_rules(rules, {"age": 6}) == ["学龄儿童"]
    assert apply_rules(rules, {"age": 12}) == []
    assert apply_rules(rules, {"age": 30, "registration": "outside", "residence_type": "流动"}) == ["外来流动"]
    assert apply_rules(rules, {"age": 30, "disability": "肢体"}) == ["重点关爱"]


def test_unknown_values_make_comparisons_false():
    rule = parse_rules({"老人": "age >= 60", "非老人": "not age >= 60", "无年龄": "age == None"})
    assert not evaluate(rule[0], {"age": None})
    assert evaluate(rule[1], {"age": None})
    assert evaluate(rule[2], {})
    assert not evaluate(parse_rules({"x": "age > 'a'"})[0], {"age": 3})  # not comparable: false, no error


def test_mapping_and_negative_numbers():
    rules = parse_rules({"负": "months_resident > -1 and months_resident < 6"})
    assert evaluate(rules[0], {"months_resident": 0})
    assert not evaluate(rules[0], {"months_resident": 6})


@pytest.mark.parametrize(("expression", "column"), [
    ("__import__('os').system('true')", 1),   # a call
    ("len(tags) > 1", 1),                       # a call
    ("age.real > 1", 1),                        # an attribute
    ("age > 1 and sex.__class__ == 1", 13),     # an attribute (dunder)
    ("__builtins__ == 1", 1),                   # a dunder name
    ("age[0] == 1", 1),                         # a subscript
    ("age + 1 > 60", 1),                        # arithmetic
    ("(lambda: 1) == 1", 2),                    # a lambda
    ("[x for x in (1,)] == 1", 1),              # a comprehension
    ("age if age else 1", 1),                   # if-else
    ("nosuchfield > 1", 1),                     # an unknown field
    ("age is None", 1),                         # 'is' is not a comparison of the language
    ("age >= ", 7),                             # a syntax error (at the end)
    ("age >= )", 8),                            # a syntax error
])
def test_unsafe_or_bad_rules_are_refused_with_rule_and_position(expression, column):
    with pytest.raises(ValidationError) as info:
        parse_rules(f"好规则: age > 1\n坏规则: {expression}")
    error = info.value
    assert error.code == "tag_rule"
    assert error.values["rule"] == "坏规则"
    assert error.values["line"] == 2
    assert error.values["column"] == column
    assert "坏规则" in str(error) and "line 2" in str(error)


def test_rule_names_are_checked():
    with pytest.raises(ValidationError):
        parse_rules("__x__: age > 1")
    with pytest.raises(ValidationError):
        parse_rules("age: age > 1")  # a field's name
    with pytest.raises(ValidationError):
        parse_rules("a: age > 1\na: age > 2")  # twice
    with pytest.raises(ValidationError):
        parse_rules("no colon here")
    with pytest.raises(ValidationError):
        parse_rules("b: a")  # a rule can only use the rules above it
