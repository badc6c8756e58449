"""A statistical address tagger trained on the user's own labelled addresses (optional).

The rules of :mod:`.parser` read what any address says the same way; labelled
data also teaches a model the conventions of one source (is the last 号 after
栋 a unit or a room, is a village name part of the road).  This module trains a
linear-chain CRF (python-crfsuite: the CRFsuite library, BSD licence) on
addresses labelled character by character, and the parser then takes the
street, community, road and house fields from it.  Province, city, district and
their codes stay with the gazetteer.

No model is shipped: the public labelled data (NAACL 2019) has no licence.  A
user trains one on labelled addresses of their own, in the CoNLL form those
data use (one ``token TAG`` per line, BIO tags, a blank line after each
address).  Tags may be our field names or the NAACL/CCKS 2021 scheme (prov,
town, roadno, houseno, cellno, floorno, roomno ...); see :data:`TAG_TO_FIELD`.

Features per token (a character, or a run of digits or Latin letters): the
token and its neighbours, their character classes, and what the rule parser and
the gazetteer's tokenizer make of the token.  A model therefore belongs with the
rules and built-in gazetteer it was trained with; the file :func:`train` writes starts
with a header naming the feature version (:data:`FEATURES_VERSION`), and another version is refused.

python-crfsuite is not a Debian package: it is installed by pip (``make deps``
puts it in .venv; in the QGIS desktop: ``pip install python-crfsuite`` in QGIS's
Python).  Without it, :func:`train` and :class:`AddressTagger` raise a
ValidationError that says so; the rules work without it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import QT_TRANSLATE_NOOP, ValidationError
from .normalise import clean, normalise, strip_unit_word

if TYPE_CHECKING:
    from .parser import AddressParser

__all__ = ["TAG_TO_FIELD", "AddressTagger", "read_conll", "train", "tokens", "to_fields", "unknown_tags",
           "FEATURES_VERSION"]

FEATURES_VERSION = "1"
"""stored in the model's file; a model of another feature version is refused"""

TAG_TO_FIELD = {
    # NAACL 2019 / CCKS 2021 scheme (lower case)
    "prov": "province", "city": "city", "district": "district", "town": "street", "community": "community",
    "village_group": "road", "road": "road", "roadno": "number", "subroad": "road", "subroadno": "number",
    "houseno": "building", "cellno": "unit", "floorno": "floor", "roomno": "room", "poi": "poi", "subpoi": "poi",
    "devzone": "poi",
    # our own field names
    "province": "province", "street": "street", "lane": "lane", "number": "number", "building": "building",
    "unit": "unit", "floor": "floor", "room": "room",
}
"""tag of the training data -> our field; other tags (assist, distance, redundant, person ...) go to ``rest``"""

_TOKEN = re.compile(r"\d+|[A-Z]+|.")
_LANE = re.compile(r"([0-9A-Z]+)[弄巷]$")
_RULE_FIELDS = ("province", "city", "district", "street", "community", "road", "lane", "number", "building",
                "unit", "floor", "room", "poi")
_MAGIC = b"cim_twin address tagger " + FEATURES_VERSION.encode() + b"\n"


def _crfsuite():
    try:
        import pycrfsuite  # noqa: PLC0415 (optional: only the tagger needs it)
    except ImportError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
            "an address model needs the python package python-crfsuite, which is not installed; "
            "install it into QGIS's Python (pip install python-crfsuite) or parse without a model"),
            code="missing_crfsuite") from exc
    return pycrfsuite


def tokens(text: str) -> list[str]:
    """The tokens of an address: one per character, digit and Latin runs whole.

    The text is cleaned character by character (half-width, simplified, no blanks), not normalised
    whole: Chinese numerals stay as written (九楼), as in labelled data read by :func:`read_conll`.
    """
    return _TOKEN.findall(clean(text))


def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Labelled addresses from a CoNLL file (``token TAG`` per line, BIO tags, blank line between addresses).

    Tokens are cleaned like the text the tagger reads (full-width to half-width, traditional to
    simplified, upper case); a token that cleans to nothing (a blank, an underscore) is dropped.
    """
    samples: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "cannot read the labelled addresses {path}: {error}"),
                              code="unreadable", path=str(path), error=exc) from exc
    for number, line in enumerate(lines + [""], start=1):
        if not line.strip():
            if toks:
                samples.append((toks, tags))
            toks, tags = [], []
            continue
        token, sep, tag = line.rstrip().rpartition(" ")
        if not sep or not tag:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "{file}, line {line}: expected 'token TAG', got {text}"),
                                  code="conll_line", file=path.name, line=number, text=repr(line))
        bio, _, label = tag.partition("-")
        if tag != "O" and (bio not in ("B", "I", "E", "S") or not label):
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "{file}, line {line}: tag {tag} is not O or B-/I-/E-/S-<label>"),
                                  code="conll_tag", file=path.name, line=number, tag=repr(tag))
        for k, part in enumerate(_TOKEN.findall(clean(token))):
            toks.append(part)  # a token may split (1a -> 1, A): the parts after the first continue the span
            tags.append("O" if tag == "O" else f"{'B' if bio in ('B', 'S') and k == 0 else 'I'}-{label.lower()}")
    if not samples:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
            "{file} has no labelled addresses (expected 'token TAG' lines)"),
                              code="conll_empty", file=path.name)
    return samples


def unknown_tags(samples: list[tuple[list[str], list[str]]]) -> list[str]:
    """The labels of *samples* that are no address field (:data:`TAG_TO_FIELD`): a parse puts them in ``rest``."""
    return sorted({tag.partition("-")[2] for _, tags in samples for tag in tags if tag != "O"} - set(TAG_TO_FIELD))


def _char_class(token: str) -> str:
    if token.isdigit():
        return "D"
    if token.isascii() and token.isalpha():
        return "L"
    if token in "弄巷号幢栋座单元层楼室户组":
        return token
    if token in "路街道巷":
        return "R"
    if token in "省市区县镇乡村":
        return "A"
    if token in "东西南北中":
        return "N"
    if token in "零〇一二两三四五六七八九十百千":
        return "C"
    return "H" if "\u4e00" <= token <= "\u9fff" else "P"


def _rule_labels(text: str, toks: list[str], parser: AddressParser, parsed=None) -> list[str]:
    """The field the rule parser gives each token ('' for none), found by the values' places in the text."""
    if parsed is None:
        if parser.tagger is not None:
            raise ValueError("features need a parser without tagger (the rules alone) or the rules' parse")
        parsed = parser.parse(text)
    starts = []
    pos = 0
    for tok in toks:
        starts.append(pos)
        pos += len(tok)
    labels = [""] * len(toks)
    taken = [False] * len(text)
    for name in _RULE_FIELDS:
        value = getattr(parsed, name)
        if not value or name in parsed.inferred:
            continue
        at = text.find(value)
        while at >= 0 and any(taken[at:at + len(value)]):
            at = text.find(value, at + 1)
        if at < 0:
            continue
        for i in range(at, at + len(value)):
            taken[i] = True
        for k, start in enumerate(starts):
            if at <= start < at + len(value):
                labels[k] = name
    return labels


def _gazetteer_labels(text: str, toks: list[str], parser: AddressParser) -> list[str]:
    """The division level (or 'road'/'poi') of the gazetteer word each token is part of, with B/I."""
    level_of = {}
    gaz = parser.gazetteer
    labels_by_char = [""] * len(text)
    pos = 0
    for word in parser.tokenizer.cut(text, HMM=False):
        if len(word) >= 2:
            label = level_of.get(word)
            if label is None:
                found = gaz.names.get(word)
                label = gaz.divisions[found[0][0]].level if found else ("road" if word in gaz.roads else "")
                level_of[word] = label
            if label:
                labels_by_char[pos] = "B" + label
                for i in range(pos + 1, pos + len(word)):
                    labels_by_char[i] = "I" + label
        pos += len(word)
    out = []
    pos = 0
    for tok in toks:
        out.append(labels_by_char[pos] if pos < len(labels_by_char) else "")
        pos += len(tok)
    return out


def features(toks: list[str], parser: AddressParser, parsed=None) -> list[list[str]]:
    """The CRF features of each token (see the module docstring); *parsed*: the rules' parse of the text."""
    text = "".join(toks)
    rule = _rule_labels(text, toks, parser, parsed)
    gaz = _gazetteer_labels(text, toks, parser)
    classes = [_char_class(t) for t in toks]
    n = len(toks)

    def at(seq, j, edge):
        return seq[j] if 0 <= j < n else edge

    out = []
    for i, tok in enumerate(toks):
        f = ["bias", "w=" + tok, "c=" + classes[i], "r=" + rule[i], "g=" + gaz[i],
             "len=" + str(min(len(tok), 5)), "i=" + str(min(i, 10)), "ri=" + str(min(n - 1 - i, 10))]
        for d in (-3, -2, -1, 1, 2, 3):
            f.append(f"w{d}={at(toks, i + d, '^' if d < 0 else '$')}")
            f.append(f"c{d}={at(classes, i + d, '^' if d < 0 else '$')}")
        for d in (-2, -1, 1, 2):
            f.append(f"r{d}={at(rule, i + d, '^' if d < 0 else '$')}")
        for d in (-1, 1):
            f.append(f"g{d}={at(gaz, i + d, '^' if d < 0 else '$')}")
        f.append(f"w-1w={at(toks, i - 1, '^')}{tok}")
        f.append(f"ww+1={tok}{at(toks, i + 1, '$')}")
        f.append(f"r:w={rule[i]}:{tok}")
        out.append(f)
    return out


def train(samples: list[tuple[list[str], list[str]]], model_path: str | Path, parser: AddressParser,
          max_iterations: int = 150, progress=None) -> dict[str, int]:
    """Train a tagger on labelled addresses (from :func:`read_conll`) and write it to *model_path*.

    *progress* (core.progress.Progress) gets the share of addresses prepared and may cancel.
    Returns counts: addresses, tokens, labels.
    """
    from ..progress import check_canceled

    pycrfsuite = _crfsuite()
    trainer = pycrfsuite.Trainer(verbose=False)
    labels = set()
    n_tokens = 0
    for k, (toks, tags) in enumerate(samples):
        if k % 500 == 0:
            check_canceled(progress)
            if progress is not None:
                progress.set_progress(80.0 * k / len(samples))
        trainer.append(features(toks, parser), tags)
        labels.update(t.partition("-")[2] for t in tags if t != "O")
        n_tokens += len(toks)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    model_path = Path(model_path)
    tmp = model_path.with_name(model_path.name + ".part")
    trainer.train(str(tmp))
    data = tmp.read_bytes()
    tmp.unlink()
    model_path.write_bytes(_MAGIC + data)
    if progress is not None:
        progress.set_progress(100.0)
    return {"addresses": len(samples), "tokens": n_tokens, "labels": len(labels)}


class AddressTagger:
    """A trained model (a file written by :func:`train`), ready to tag addresses."""

    def __init__(self, model_path: str | Path):
        pycrfsuite = _crfsuite()
        path = Path(model_path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "cannot read the address model {path}: {error}"),
                                  code="unreadable", path=str(path), error=exc) from exc
        if not data.startswith(_MAGIC):
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "{file} is not an address model of this version of CIM Twin (train it again with "
                "cimtwin:trainaddressmodel)"), code="model_version", file=path.name)
        self.path = path
        self._tagger = pycrfsuite.Tagger()
        self._model = data[len(_MAGIC):]  # crfsuite reads the model in place: the bytes must stay alive
        try:
            self._tagger.open_inmemory(self._model)
        except (ValueError, OSError) as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{file} is damaged ({error}); train the model again"),
                                  code="model_damaged", file=path.name, error=exc) from exc

    def tag(self, toks: list[str], parser: AddressParser, parsed=None) -> list[str]:
        """BIO tags of *toks*; *parsed*: the rule parser's result for the same text (else parsed here)."""
        return list(self._tagger.tag(features(toks, parser, parsed))) if toks else []


def to_fields(toks: list[str], tags: list[str]) -> dict[str, str]:
    """Our fields from tagged tokens: the first span of each field, unit words stripped (12号 -> 12)."""
    spans: list[list[str]] = []
    for tok, tag in zip(toks, tags):
        bio, _, label = tag.partition("-")
        if tag == "O":
            spans.append(["", tok])
        elif bio == "B" or not spans or spans[-1][0] != label:
            spans.append([label, tok])
        else:
            spans[-1][1] += tok
    fields: dict[str, str] = {}
    rest = []
    for label, text in spans:
        field = TAG_TO_FIELD.get(label)
        if field in ("number", "road") and _LANE.fullmatch(text) and "lane" not in fields:
            field = "lane"  # 553弄 tagged as a road number or a sub-road: our lane
        if field is None or field in fields:
            if label:
                rest.append(text)
            continue
        text = normalise(text)  # Chinese numerals before a unit word to digits (三栋 -> 3栋)
        if field in ("lane", "number", "building", "unit", "floor", "room"):
            lane = _LANE.fullmatch(text)
            text = lane.group(1) if lane and field == "lane" else strip_unit_word(text) or text
        fields[field] = text
    if rest:
        fields["rest"] = "".join(rest)
    return fields
