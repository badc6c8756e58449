"""Source tables of the population base -> :class:`~.model.SourceRecord` per row (step 1).

Pure Python. :func:`read_source` takes a table (header + rows, e.g. from :func:`read_table`), tells its
role (户籍 hukou, 居委台账 ledger, 卫健 health, 民政 civil_affairs, 社保 social_security, 企业
enterprise) and its columns from the usual Chinese headers (or from a CONFIG entry), and normalises
every value:

- ID numbers (身份证号 / 证件号码 / 公民身份号码 / 身份证号码): :func:`..idnumber.normalise`,
  15-digit first-generation numbers converted to 18 (:func:`..idnumber.from_15`), 'x' -> 'X';
  ``id_status`` valid / converted / invalid / missing; only a valid number goes into
  ``values['id_number']``, an invalid one is kept as ``values['id_raw']`` (for matching only);
- 性别 男/女, GB/T 2261.1 codes 1/2 (0 unknown, 9 unspecified -> none), M/F -> 'M'/'F';
- dates (出生日期 / 出生年月, 登记日期 / 建档日期 / 参保年月, 成立日期) as 1985-07-09, 1985/7/9, 1985.7.9,
  19850709, 1985年7月9日, Excel dates; YYYYMM / 1985-07 / 1985年7月 -> the first of the month with
  ``birth_precision`` 'month';
- 居住状态 人户一致 (also 人在户在) / 人在户不在 / 人不在户在; 居住月数 and 从业人数 as int;
- flags 高血压, 糖尿病, 签约家庭医生, 低保, 高龄补贴 (是/否, 1/0, Y/N, 有/无) as bool;
- everything else as stripped text (full-width blanks removed).

Exact duplicate rows (every cell equal to an earlier row's) become :class:`~.model.Reject`
('duplicate', 'duplicate of row N'); blank rows Reject('empty'). Rows in = records + rejects.

CONFIG (optional TOML file, read with :func:`load_config`)::

    # which sources play which role, their columns and trust (all keys optional)
    [priorities]                 # field -> roles (or source names), most trusted first;
    birth_date = ["hukou", "social_security", "health"]   # replaces default_priorities()[field]

    [sources.hukou]              # one table per source; the key is only a label
    match = "hukou*"             # file/layer name (without extension), fnmatch pattern, case-insensitive
                                 # (default: the key itself)
    role = "hukou"               # one of model.ROLES (default: recognised from the headers)
    date_formats = ["%Y-%m-%d", "%Y%m"]   # strptime formats tried first; one without %d -> 'month'
    columns = { "公民身份号码" = "id_number", "序号" = "" }   # header -> canonical field ('' = ignore);
                                 # headers not named here are recognised as without CONFIG
    priority = { "*" = 2, live_address = 0 }   # field -> rank (0 = most trusted) of this source,
                                 # over default_priorities(); '*' = every field

:func:`default_priorities` gives, per field, the roles most trusted first: identity fields 户籍 >
民政 > 社保 > 卫健 > 居委台账; where a person lives 居委台账 > 卫健 > 民政.
"""
from __future__ import annotations

import fnmatch
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import tomllib

from .. import idnumber
from ..errors import QT_TRANSLATE_NOOP, Message, ValidationError
from .model import ENTERPRISE_FIELDS, LIVING_STATUSES, PERSON_FIELDS, ROLES, Reject, SourceRecord

__all__ = ["SourceConfig", "PopulationConfig", "SourceTable", "read_source", "read_table", "load_config",
           "default_priorities", "recognise_role", "parse_date", "parse_sex", "parse_id"]

# ----------------------------------------------------------------------------- headers
#: canonical person field -> the usual headers
PERSON_HEADERS: dict[str, tuple[str, ...]] = {
    "id_number": ("身份证号", "证件号码", "公民身份号码", "身份证号码", "身份证", "证件号", "身份证件号码"),
    "name": ("姓名",),
    "sex": ("性别",),
    "birth_date": ("出生日期", "出生年月", "出生年月日"),
    "ethnicity": ("民族",),
    "hukou_address": ("户籍地址", "户籍地", "户口地址", "户籍所在地"),
    "live_address": ("实际居住地址", "现住址", "居住地址", "现居住地址", "实际居住地"),
    "living_status": ("居住状态", "人户状态"),
    "months_resident": ("居住月数",),
    "hukou_no": ("户号",),
    "relation_to_head": ("与户主关系",),
    "community": ("所属居委", "居委会", "所属社区"),
    "phone": ("联系电话", "手机号码", "电话", "手机号"),
    "record_date": ("登记日期", "建档日期", "参保年月"),
    "employer_credit_code": ("单位统一社会信用代码",),
    "employer_name": ("单位名称", "工作单位"),
    "insurance_status": ("参保状态",),
    "hypertension": ("高血压",),
    "diabetes": ("糖尿病",),
    "family_doctor": ("签约家庭医生", "家庭医生签约"),
    "dibao": ("低保",),
    "disability": ("残疾类别",),
    "disability_grade": ("残疾等级",),
    "elderly_allowance": ("高龄补贴",),
}
#: canonical enterprise field -> the usual headers
ENTERPRISE_HEADERS: dict[str, tuple[str, ...]] = {
    "credit_code": ("统一社会信用代码",),
    "name": ("企业名称", "单位名称"),
    "address": ("注册地址", "住所", "经营地址"),
    "industry": ("行业门类", "所属行业"),
    "founded": ("成立日期",),
    "status": ("登记状态", "经营状态"),
    "employees": ("从业人数",),
}
_PERSON_BY_HEADER = {h: f for f, hs in PERSON_HEADERS.items() for h in hs}
_ENTERPRISE_BY_HEADER = {h: f for f, hs in ENTERPRISE_HEADERS.items() for h in hs}

#: headers that tell a role (a table's role = the one with most of them; the file name breaks ties)
ROLE_SIGNS: dict[str, frozenset[str]] = {
    "hukou": frozenset({"户号", "与户主关系"}),
    "ledger": frozenset({"居住状态", "人户状态", "所属居委", "居住月数", "实际居住地址"}),
    "health": frozenset({"建档日期", "高血压", "糖尿病", "签约家庭医生", "家庭医生签约"}),
    "civil_affairs": frozenset({"低保", "残疾类别", "残疾等级", "高龄补贴"}),
    "social_security": frozenset({"参保状态", "单位统一社会信用代码", "参保年月"}),
    "enterprise": frozenset({"统一社会信用代码", "企业名称", "注册地址", "登记状态", "成立日期"}),
}
#: file-name hints of a role
ROLE_HINTS: dict[str, tuple[str, ...]] = {
    "hukou": ("hukou", "户籍", "户口"),
    "ledger": ("ledger", "台账"),
    "health": ("health", "卫健", "健康"),
    "civil_affairs": ("civil", "民政"),
    "social_security": ("social", "社保"),
    "enterprise": ("enterprise", "企业"),
}

#: headers of a row counter, left out when rows are compared for duplicates
ROW_COUNTERS = frozenset({"序号", "行号", "顺序号", "no", "no.", "#"})
_DATE_FIELDS = frozenset({"birth_date", "record_date", "founded"})
_INT_FIELDS = frozenset({"months_resident", "employees"})
_FLAG_FIELDS = frozenset({"hypertension", "diabetes", "family_doctor", "dibao", "elderly_allowance"})
_TRUE = frozenset({"是", "1", "y", "yes", "true", "有", "√", "t"})
_FALSE = frozenset({"否", "0", "n", "no", "false", "无", "×", "f"})
_SEX = {"男": "M", "男性": "M", "m": "M", "male": "M", "1": "M", "女": "F", "女性": "F", "f": "F", "female": "F",
        "2": "F"}
_STATUS = {"人户一致": "人户一致", "人在户在": "人户一致", "人在户不在": "人在户不在", "人不在户在": "人不在户在"}
assert set(_STATUS.values()) == set(LIVING_STATUSES)

IDENTITY_ORDER = ("hukou", "civil_affairs", "social_security", "health", "ledger")
RESIDENCE_ORDER = ("ledger", "health", "civil_affairs")
_RESIDENCE_FIELDS = ("live_address", "living_status", "months_resident", "community")


def default_priorities() -> dict[str, tuple[str, ...]]:
    """Per canonical field (person and enterprise): the roles that may give it, most trusted first.

    Identity fields 户籍 > 民政 > 社保 > 卫健 > 居委台账; where a person lives (live_address, living_status,
    months_resident, community) 居委台账 > 卫健 > 民政; the fields one source carries, that source first.
    """
    out: dict[str, tuple[str, ...]] = {f: IDENTITY_ORDER for f in PERSON_FIELDS}
    out.update({f: RESIDENCE_ORDER for f in _RESIDENCE_FIELDS})
    out["phone"] = ("ledger", "health", "hukou", "civil_affairs", "social_security")
    out["record_date"] = ("ledger", "health", "social_security", "civil_affairs", "hukou")
    for f in ("employer_credit_code", "employer_name", "insurance_status"):
        out[f] = ("social_security",)
    for f in ("hypertension", "diabetes", "family_doctor"):
        out[f] = ("health",)
    for f in ("dibao", "disability", "disability_grade", "elderly_allowance"):
        out[f] = ("civil_affairs",)
    for f in ENTERPRISE_FIELDS:
        out.setdefault(f, ("enterprise",))
    out["address"] = ("enterprise",)
    out["credit_code"] = ("enterprise",)
    return out


# ----------------------------------------------------------------------------- config
@dataclass
class SourceConfig:
    """CONFIG of one source (see the module docstring)."""

    name: str
    """the entry's key"""
    match: str = ""
    """fnmatch pattern of the file/layer name (default: *name*)"""
    role: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    """header -> canonical field ('' = ignore the column)"""
    date_formats: tuple[str, ...] = ()
    priority: dict[str, int] = field(default_factory=dict)
    """field (or '*') -> rank of this source, 0 = most trusted"""

    def matches(self, source_name: str) -> bool:
        stem = Path(source_name).stem.lower() if "." in source_name else source_name.lower()
        return fnmatch.fnmatch(stem, (self.match or self.name).lower())


@dataclass
class PopulationConfig:
    """A CONFIG file: its sources and the field priorities."""

    sources: list[SourceConfig] = field(default_factory=list)
    priorities: dict[str, tuple[str, ...]] = field(default_factory=default_priorities)
    path: str = ""

    def source(self, source_name: str) -> SourceConfig | None:
        """The first entry whose pattern matches *source_name* (None if none does)."""
        return next((s for s in self.sources if s.matches(source_name)), None)

    def rank(self, field_name: str, source: str, role: str) -> int:
        """Trust rank of *source* (of *role*) for *field_name*: lower = more trusted.

        The source's own ``priority`` first, else its position (by source name, then by role) in the
        field's priority list; sources not in the list come after every listed one.
        """
        entry = self.source(source)
        if entry is not None:
            if field_name in entry.priority:
                return entry.priority[field_name]
            if "*" in entry.priority:
                return entry.priority["*"]
        order = self.priorities.get(field_name, ())
        for key in (source, role):
            if key in order:
                return order.index(key)
        return len(order) + 1


_CONFIG_KEYS = frozenset({"match", "role", "columns", "date_formats", "priority"})


def _config_error(path: str, key: str, problem: str) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "population config {file}, key {key}: {problem}"),
                           code="bad_config", file=path, key=key, problem=problem)


def load_config(path: str | Path) -> PopulationConfig:
    """Read a CONFIG TOML file (module docstring). Raises :class:`ValidationError` naming file and key."""
    path = Path(path)
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "cannot read {path}: {error}"), code="unreadable",
                              path=str(path), error=exc.strerror or exc) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _config_error(name, "(file)", f"not a TOML file: {exc}") from exc
    known = set(PERSON_FIELDS) | set(ENTERPRISE_FIELDS)
    unknown = set(data) - {"sources", "priorities"}
    if unknown:
        raise _config_error(name, sorted(unknown)[0], "unknown key (expected 'sources' or 'priorities')")
    priorities = default_priorities()
    for fname, order in (data.get("priorities") or {}).items():
        key = f"priorities.{fname}"
        if fname not in known:
            raise _config_error(name, key, "not a field of the population base")
        if not isinstance(order, list) or not all(isinstance(r, str) and r for r in order):
            raise _config_error(name, key, "must be a list of roles or source names")
        priorities[fname] = tuple(order)
    sources = []
    raw_sources = data.get("sources") or {}
    if not isinstance(raw_sources, dict):
        raise _config_error(name, "sources", "must be a table of sources ([sources.NAME])")
    for sname, entry in raw_sources.items():
        where = f"sources.{sname}"
        if not isinstance(entry, dict):
            raise _config_error(name, where, "must be a table")
        extra = set(entry) - _CONFIG_KEYS
        if extra:
            raise _config_error(name, f"{where}.{sorted(extra)[0]}",
                                "unknown key (expected match, role, columns, date_formats, priority)")
        role = entry.get("role")
        if role is not None and role not in ROLES:
            raise _config_error(name, f"{where}.role", f"must be one of {', '.join(ROLES)}")
        match = entry.get("match", sname)
        if not isinstance(match, str) or not match:
            raise _config_error(name, f"{where}.match", "must be a non-empty text")
        columns = entry.get("columns") or {}
        if not isinstance(columns, dict):
            raise _config_error(name, f"{where}.columns", "must be a table header = field")
        for header, target in columns.items():
            if not isinstance(target, str) or (target and target not in known):
                raise _config_error(name, f"{where}.columns.{header}", "not a field of the population base")
        formats = entry.get("date_formats") or []
        if not isinstance(formats, list) or not all(isinstance(f, str) and "%" in f for f in formats):
            raise _config_error(name, f"{where}.date_formats", "must be a list of strptime formats")
        priority = entry.get("priority") or {}
        if not isinstance(priority, dict):
            raise _config_error(name, f"{where}.priority", "must be a table field = rank")
        for fname, rank in priority.items():
            if fname != "*" and fname not in known:
                raise _config_error(name, f"{where}.priority.{fname}", "not a field of the population base")
            if not isinstance(rank, int) or isinstance(rank, bool) or rank < 0:
                raise _config_error(name, f"{where}.priority.{fname}", "must be an integer >= 0")
        sources.append(SourceConfig(sname, match, role, dict(columns), tuple(formats), dict(priority)))
    return PopulationConfig(sources, priorities, str(path))


# ----------------------------------------------------------------------------- values
_DAY_FORMS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
)
_MONTH_FORMS = (
    re.compile(r"^(\d{4})(\d{2})$"),
    re.compile(r"^(\d{4})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月?$"),
)


def _text(value) -> str:
    if type(value) is str:  # the usual case first (CSV cells)
        text = value.strip()
        return text.replace("\u3000", " ").strip() if "\u3000" in text else text
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\u3000", " ").strip()


def parse_date(value, formats: tuple[str, ...] = ()) -> tuple[date | None, str]:
    """(date, precision 'day'/'month') of a date cell in its usual forms; (None, 'day') if not a date."""
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    text = _text(value)
    if not text:
        return None, "day"
    if not formats and len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text), "day"
        except ValueError:
            pass
    for fmt in formats:
        try:
            parsed = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return parsed, ("day" if "%d" in fmt else "month")
    for forms, precision in ((_DAY_FORMS, "day"), (_MONTH_FORMS, "month")):
        for form in forms:
            m = form.match(text)
            if m:
                y, mo = int(m.group(1)), int(m.group(2))
                d = int(m.group(3)) if precision == "day" else 1
                try:
                    return date(y, mo, d), precision
                except ValueError:
                    return None, "day"
    return None, "day"


def parse_sex(value) -> str | None:
    """'M'/'F' from 男/女, GB/T 2261.1 codes 1/2, M/F (0 unknown and 9 unspecified -> None)."""
    return _SEX.get(_text(value).lower())


def parse_flag(value) -> bool | None:
    text = _text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def parse_int(value) -> int | None:
    text = _text(value)
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


def parse_id(value) -> tuple[str | None, str, str]:
    """(valid 18-character ID or None, id_status, the normalised text) of an ID cell.

    id_status: 'valid' as given, 'converted' (15 digits -> 18, lower-case x, full-width), 'invalid', 'missing'.
    """
    raw = _text(value).replace(" ", "")
    if not raw:
        return None, "missing", ""
    text = idnumber.normalise(raw)
    if len(text) == 15 and text.isdigit() and text.isascii():
        try:
            text18 = idnumber.from_15(text)
        except ValidationError:
            return None, "invalid", text
        return text18, "converted", text18
    if idnumber.is_valid(text):
        return text, ("valid" if text == raw else "converted"), text
    return None, "invalid", text


# ----------------------------------------------------------------------------- tables
@dataclass
class SourceTable:
    """One source table read: its role, records, rejects, column mapping and what was recognised."""

    name: str
    role: str
    records: list[SourceRecord] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    """header -> canonical field (recognised or configured columns only)"""
    notes: list[Message] = field(default_factory=list)
    """what was recognised, for the log (headers and counts, no personal values)"""

    @property
    def rows(self) -> int:
        """rows read = records + rejects"""
        return len(self.records) + len(self.rejects)


def _hint(name: str) -> str | None:
    low = name.lower()
    for role, hints in ROLE_HINTS.items():
        if any(h in low for h in hints):
            return role
    return None


def recognise_role(header: list[str], name: str) -> str:
    """The role of a table from its headers (:data:`ROLE_SIGNS`), the file name breaking ties or deciding
    when no header tells; raises :class:`ValidationError` naming the table and its columns otherwise."""
    cols = {_text(h) for h in header}
    scores = {role: len(cols & signs) for role, signs in ROLE_SIGNS.items()}
    # the enterprise registry has the bare credit code and a firm name, a person table has neither
    if not ({"统一社会信用代码"} & cols and {"企业名称", "单位名称"} & cols) or cols & set(PERSON_HEADERS["id_number"]):
        scores["enterprise"] = 0
    best = max(scores.values())
    hint = _hint(name)
    if best > 0:
        top = [r for r, s in scores.items() if s == best]
        if len(top) == 1:
            return top[0]
        if hint in top:
            return hint
    elif hint is not None:
        return hint
    raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
        "cannot tell what source table {table} is (户籍, 居委台账, 卫健, 民政, 社保 or 企业) from its columns "
        "{columns}; name its role in the CONFIG file"), code="unknown_role", table=name,
        columns=", ".join(_text(h) for h in header))


def _auto_field(header: str, role: str) -> str | None:
    text = re.sub(r"[\s（(].*$", "", header) if header not in _PERSON_BY_HEADER else header
    table = _ENTERPRISE_BY_HEADER if role == "enterprise" else _PERSON_BY_HEADER
    return table.get(header) or table.get(text)


def read_source(header: list[str], rows: list[list], name: str,
                config: SourceConfig | PopulationConfig | None = None) -> SourceTable:
    """Read one source table: role, column mapping, one :class:`SourceRecord` per usable row.

    *name* is the source's name (file or layer name, used in records and messages). *config* is the
    source's CONFIG entry (or a whole :class:`PopulationConfig`, whose matching entry is taken).
    Raises :class:`ValidationError` when the role cannot be told or no column is recognised.
    """
    if isinstance(config, PopulationConfig):
        config = config.source(name)
    source = Path(name).stem if name.lower().endswith((".csv", ".xlsx", ".txt")) else name
    headers = [_text(h) for h in header]
    role = config.role if config is not None and config.role else recognise_role(headers, source)
    configured = config.columns if config is not None else {}
    fields = set(ENTERPRISE_FIELDS) if role == "enterprise" else set(PERSON_FIELDS)
    mapping: dict[str, str] = {}
    index: list[tuple[int, str]] = []
    taken: set[str] = set()
    ignored: list[str] = []
    for i, h in enumerate(headers):
        target = configured[h] if h in configured else _auto_field(h, role)
        if not target or target not in fields or target in taken:
            if h:
                ignored.append(h)
            continue
        mapping[h] = target
        taken.add(target)
        index.append((i, target))
    if not index:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
            "no column of source table {table} is recognised (columns: {columns}); map them in the CONFIG file"),
            code="no_columns", table=source, columns=", ".join(headers))
    table = SourceTable(source, role, mapping=mapping)
    table.notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "{table}: role {role} ({how}); columns {columns}"),
                               table=source, role=role, how="CONFIG" if config is not None and config.role
                               else "recognised", columns=", ".join(f"{h} -> {f}" for h, f in mapping.items())))
    if ignored:
        table.notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "{table}: columns not used: {columns}"),
                                   table=source, columns=", ".join(ignored)))
    formats = config.date_formats if config is not None else ()
    # duplicates: the hash of the compared cells -> first row (the cells of a hit are compared; rows whose
    # hash collides with another row's go to *exact*). A row counter (序号) is renumbered in a copied
    # row: it is not compared.
    compared = [i for i, h in enumerate(headers) if h.lower() not in ROW_COUNTERS]
    seen: dict[int, int] = {}
    exact: dict[tuple, int] = {}

    def cells_of(row) -> tuple:
        return tuple(_text(row[i]) if i < len(row) else "" for i in compared)
    counts = {"valid": 0, "converted": 0, "invalid": 0, "missing": 0}
    unparsed: dict[str, int] = {}
    # the same texts recur (one person in several rows, one birth date for many): each is parsed once
    ids: dict[str, tuple] = {}
    dates: dict[str, tuple] = {}
    for r, row in enumerate(rows, start=1):
        cells = tuple(map(_text, row))
        if not any(cells):
            table.rejects.append(Reject(source, r, "empty", "blank row"))
            continue
        key = tuple(cells[i] if i < len(cells) else "" for i in compared)
        first = seen.setdefault(hash(key), r)
        if first != r and cells_of(rows[first - 1]) != key:
            first = exact.setdefault(key, r)
        if first != r:
            table.rejects.append(Reject(source, r, "duplicate", f"duplicate of row {first}"))
            continue
        rec = SourceRecord(source, role, r)
        values = rec.values
        for i, target in index:
            value = row[i] if i < len(row) else None
            text = cells[i] if i < len(cells) else ""
            if target == "id_number":
                parsed_id = ids.get(text)
                if parsed_id is None:
                    parsed_id = ids[text] = parse_id(text)
                number, rec.id_status, normalised = parsed_id
                counts[rec.id_status] += 1
                if number:
                    values["id_number"] = number
                elif normalised:
                    values["id_raw"] = normalised
                continue
            if not text:
                continue
            if target in _DATE_FIELDS:
                if type(value) is str:
                    found = dates.get(text)
                    if found is None:
                        found = dates[text] = parse_date(value, formats)
                    parsed, precision = found
                else:
                    parsed, precision = parse_date(value, formats)
                if parsed is None:
                    unparsed[target] = unparsed.get(target, 0) + 1
                    continue
                values[target] = parsed
                if target == "birth_date":
                    rec.birth_precision = precision
            elif target == "sex":
                values["sex"] = parse_sex(text)
            elif target in _FLAG_FIELDS:
                values[target] = parse_flag(text)
            elif target in _INT_FIELDS:
                values[target] = parse_int(text)
            elif target == "living_status":
                values[target] = _STATUS.get(text.replace(" ", ""))
                if values[target] is None:
                    unparsed[target] = unparsed.get(target, 0) + 1
            elif target in ("phone",):
                values[target] = re.sub(r"[^\d+]", "", text)
            elif target in ("credit_code", "employer_credit_code"):
                values[target] = idnumber.normalise(text)
            else:
                values[target] = text
        table.records.append(rec)
    dups = sum(1 for j in table.rejects if j.reason == "duplicate")
    table.notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors",
        "{table}: {rows} rows, {records} records, {duplicates} exact duplicates"),
        table=source, rows=len(rows), records=len(table.records), duplicates=dups))
    if "id_number" in taken:
        table.notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors",
            "{table}: ID numbers {valid} valid, {converted} converted (15 digits, lower-case x), "
            "{invalid} invalid, {missing} missing"), table=source, **counts))
    for target, n in sorted(unparsed.items()):
        table.notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors",
            "{table}: {count} values of {field} not understood (left empty)"), table=source, count=n, field=target))
    return table


def read_table(path: str | Path) -> tuple[list[str], list[list]]:
    """Header and rows of a CSV file (any of the usual encodings) or of the first sheet of an .xlsx file."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl
        except ImportError as exc:  # pragma: no cover (a Debian package of the plugin's deps)
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "reading {file} needs the package {package}"),
                                  code="missing_package", file=path.name, package="python3-openpyxl") from exc
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "cannot read {path}: {error}"),
                                  code="unreadable", path=str(path), error=exc) from exc
        try:
            sheet = book.worksheets[0]
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
        rows = [r for r in rows if any(c is not None and _text(c) for c in r)]
        if not rows:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{file} is empty: it needs a header line and rows"),
                                  code="empty_table", file=path.name)
        return [_text(h) for h in rows[0]], rows[1:]
    from ..address.csvio import read_rows

    header, rows = read_rows(path)
    _share_repeats(rows)
    return header, rows


def _share_repeats(rows: list[list], sample: int = 2000) -> None:
    """One string object per value in the columns whose values repeat (addresses, dates, codes, statuses):
    the rows of a large district are held for the whole run. A column is shared when its first *sample*
    rows hold fewer distinct values than 70 % of them (ID numbers, names and phones are left alone)."""
    head = rows[:sample]
    if not head:
        return
    width = max(len(r) for r in head)
    columns = [c for c in range(width) if len({r[c] for r in head if c < len(r)}) < 0.7 * len(head)]
    memo: dict = {}
    one = memo.setdefault
    for row in rows:
        if len(row) >= width:
            for c in columns:
                row[c] = one(row[c], row[c])
        else:
            for c in columns:
                if c < len(row):
                    row[c] = one(row[c], row[c])
