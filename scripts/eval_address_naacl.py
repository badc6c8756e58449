#!/usr/bin/env python3
"""Field-level precision, recall and F1 of the address parser on the NAACL 2019 Chinese address data.

Usage::

    /usr/bin/python3 scripts/eval_address_naacl.py [--split dev|train] [--data DIR] [--errors N]
    .venv/bin/python scripts/eval_address_naacl.py --train --model /tmp/naacl.model   # rules + a trained model

Data: ``../shared/data/address-naacl2019`` (Li et al., "Neural Chinese Address
Parsing", NAACL 2019; no licence stated, so it is used for evaluation only and
nothing of it is shipped).  Rules were developed on the train split; the figures
to report are those of the dev split (the default).

Mapping of the NAACL tags (lower-cased, character-level BIO) to our fields:

=============  ==========================================================
NAACL tag      our field
=============  ==========================================================
prov           province
city           city
district       district (county-level: 区/县/县级市)
town           street (街道/镇/乡)
community      community
road           road
roadno         "road number": our ``lane`` when there is one (553弄), else ``number``;
               our sub-number (82-11号, 6-108号) is their roadno 82 + houseno 11, a
               range (389-399号, 32-38号: the second a little larger, ``parser.is_range``)
               stays one roadno; NAACL tags N-M after a road that way 62 times in train
               and as one roadno 47 times, most of those ranges
houseno        "house": our ``building``; in a lane also our ``number`` (500弄9号楼)
cellno         unit; but a door (15栋114号, 阳光天际63-12: a number, no 单元) that is the last
               number of an address without roomno is our ``room`` (see below)
floorno        floor
roomno         room
poi            poi (reported, no target)
subroad        roadno, only when the address has no roadno tag and the subroad
               is a numbered lane (553弄, 12巷): see below
subroadno      houseno, in that same case
devzone, subpoi, assist, person, redundant, otherinfo, country: not scored
=============  ==========================================================

Lanes: the annotators tagged a numbered lane after its road in two ways
(邱隘镇盛莫路1278弄298号 as subroad=1278弄 subroadno=298号, 梅屿路12弄123号 as
roadno=12弄 houseno=123号; SOURCE.txt notes it too).  The script first
scored only the second convention, so a lane tagged the first way counted our
``lane`` and ``number`` as false positives and nothing as found.  It now reads
a lane-shaped subroad (digits + 弄/巷, with no roadno tag in the address) as the
roadno and its subroadno as the houseno, i.e. both conventions score the same
thing.  Other subroads (a second road name: 东新路东文路) stay unscored.

Doors: a row house, shop or stall numbered after its building (金通汽配城81幢59号) is one
household, so the parser keeps its number as the ``room`` (``room_key`` finds households).  NAACL
tags such a last number cellno in some addresses and roomno in others of the same form (after
N栋, a last N号 of one or two digits: 31 cellno, 20 roomno in train).  So a cellno that is written
as a number (no 单元, 街 or 座) and is the last numbered tag of an address without a roomno is
scored as the room: 109 of the 8,957 train addresses, 42 of the 2,985 dev ones.  The mapping
looks at the gold tags only, never at our parse.  ``--cellno-as-unit`` scores every cellno as the
unit instead (the strict figures).

Only fields read in the text are scored (inferred upper levels are dropped),
so a parser that fills 浙江省 from 杭州市 is not rewarded or punished for it.

Scoring per address and field: gold value = the tagged text (first span of
the tag), predicted value = our field.  Both are compared after the same
normalisation as the parser's plus removal of the unit word (号 弄 幢 栋 楼
号楼 座 单元 层 室 户 and the shop words 房 铺 档 商位: ``normalise.strip_unit_word``, the one
the model's output goes through too) and, for province/city/district/street, of the division
suffix (浙江 = 浙江省, 柳市 = 柳市镇).  Equal -> true positive; predicted but different or not in
gold -> false positive; in gold but different or not predicted -> false
negative (a wrong value counts as both).  Precision = TP/(TP+FP), recall =
TP/(TP+FN), F1 their harmonic mean.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
from cim_twin.cim_twin_plugin.core.address import AddressParser, normalise  # noqa: E402
from cim_twin.cim_twin_plugin.core.address.gazetteer import alias_of  # noqa: E402
from cim_twin.cim_twin_plugin.core.address.normalise import strip_unit_word  # noqa: E402
from cim_twin.cim_twin_plugin.core.address.parser import clean_number, is_range  # noqa: E402
from cim_twin.cim_twin_plugin.core.address.tagger import AddressTagger, read_conll, train  # noqa: E402

DATA = HERE.parent.parent / "shared" / "data" / "address-naacl2019"
SCORED = ("province", "city", "district", "street", "community", "road", "roadno", "houseno", "unit", "floor",
          "room", "poi")
TAG_TO_FIELD = {"prov": "province", "city": "city", "district": "district", "town": "street",
                "community": "community", "road": "road", "roadno": "roadno", "houseno": "houseno",
                "cellno": "unit", "floorno": "floor", "roomno": "room", "poi": "poi"}
TARGETS = {"province": 0.95, "city": 0.95, "district": 0.95, "road": 0.92, "roadno": 0.92, "houseno": 0.92,
           "unit": 0.92, "floor": 0.92, "room": 0.92}
_SUBROAD_TO_FIELD = {"subroad": "roadno", "subroadno": "houseno"}
_LANE = re.compile(r"[0-9A-Za-z]+[弄巷]")
_NUMBER_TAGS = ("roadno", "houseno", "cellno", "floorno", "roomno")
_DOOR = re.compile(r"[A-Za-z]?\d+[A-Za-z]?号?")


def read_split(path: Path, doors: bool = True) -> list[tuple[str, dict[str, str]]]:
    """(text, {field: gold value}) per address; the first span of each tag is the gold value.

    *doors*: a last cellno written as a number, in an address without roomno, is the room (see above).
    """
    records = []
    chars: list[str] = []
    spans: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if chars:
                gold: dict[str, str] = {}
                tags = {tag for tag, _ in spans}
                lane = "roadno" not in tags and any(tag == "subroad" and _LANE.fullmatch(text)
                                                    for tag, text in spans)
                numbered = [tag for tag, _ in spans if tag in _NUMBER_TAGS]
                for tag, text in spans:
                    field = TAG_TO_FIELD.get(tag) or (lane and _SUBROAD_TO_FIELD.get(tag))
                    if doors and tag == "cellno" and "roomno" not in tags and numbered[-1] == "cellno" \
                            and _DOOR.fullmatch(text):
                        field = "room"  # 15栋114号, 阳光天际63-12: the door, our room (see the docstring)
                    if field and field not in gold:
                        gold[field] = text
                records.append(("".join(chars), gold))
            chars, spans = [], []
            continue
        token, tag = line.rsplit(" ", 1)
        chars.append(token)
        if tag == "O":
            spans.append(["O", token])
            continue
        bio, _, label = tag.partition("-")
        label = label.lower()
        if bio == "B" or not spans or spans[-1][0] != label:
            spans.append([label, token])
        else:
            spans[-1][1] += token
    return records


def predicted(parsed) -> dict[str, str]:
    """Our fields in the NAACL scheme (see the module docstring), inferred ones dropped."""
    out = {}
    for field in ("province", "city", "district", "street", "community", "road", "unit", "floor", "room", "poi"):
        value = getattr(parsed, field)
        if value and field not in parsed.inferred:
            out[field] = value
    if parsed.lane:
        out["roadno"] = parsed.lane
        house = parsed.building or parsed.number
    else:
        house = parsed.building
        main, _, sub = parsed.number.partition("-")
        if sub.isdigit() and main.isdigit() and not house and not is_range([main, sub], short=True):
            out["roadno"], house = main, sub  # 82-11号 (82号之11), 6-108号: their roadno + houseno
        elif parsed.number:
            out["roadno"] = parsed.number  # 389-399号 (a range, as the parser reads one) stays one road number
    if house:
        out["houseno"] = house
    return out


def canon(field: str, value: str) -> str:
    value = normalise(value)
    if field in ("province", "city", "district", "street"):
        return alias_of(value) or value
    if field in ("roadno", "houseno", "unit", "floor", "room"):
        value = clean_number(strip_unit_word(value))
        if field == "floor" and value.endswith("F"):
            value = value[:-1]  # 12F = 12楼
    return value


def evaluate(records, parser, errors: int = 0):
    counts = {f: Counter() for f in SCORED}
    shown = Counter()
    for text, gold in records:
        pred = predicted(parser.parse(text))
        for field in SCORED:
            g = canon(field, gold[field]) if field in gold else None
            p = canon(field, pred[field]) if field in pred else None
            if g is not None and g == p:
                counts[field]["tp"] += 1
            else:
                if p is not None:
                    counts[field]["fp"] += 1
                if g is not None:
                    counts[field]["fn"] += 1
                if errors and shown[field] < errors and (g or p) and field in TARGETS:
                    shown[field] += 1
                    print(f"  {field}: gold {gold.get(field)!r} ours {pred.get(field)!r} in {text}")
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors per field")
    ap.add_argument("--cellno-as-unit", action="store_true",
                    help="score every cellno as the unit, also a door without room (the strict figures)")
    ap.add_argument("--model", type=Path,
                    help="parse with this address model (core.address.tagger); with --train, write it there first")
    ap.add_argument("--train", action="store_true",
                    help="train the model on the train split first (needs python-crfsuite)")
    args = ap.parse_args(argv)
    path = args.data / f"{args.split}.txt"
    if not path.exists():
        print(f"{path} not found (the NAACL 2019 data lives in ../shared/data/address-naacl2019)")
        return 1
    records = read_split(path, doors=not args.cellno_as_unit)
    parser = AddressParser()
    if args.train:
        if args.model is None:
            ap.error("--train needs --model PATH")
        start = time.perf_counter()
        stats = train(read_conll(args.data / "train.txt"), args.model, parser)
        print(f"trained {args.model} on the train split: {stats['addresses']} addresses, {stats['tokens']} tokens, "
              f"{stats['labels']} labels in {time.perf_counter() - start:.0f} s")
    if args.model is not None:
        parser = AddressParser(parser.gazetteer, tagger=AddressTagger(args.model))
    start = time.perf_counter()
    counts = evaluate(records, parser, args.errors)
    elapsed = time.perf_counter() - start
    print(f"NAACL 2019 {args.split} split: {len(records)} addresses, parsed in {elapsed:.2f} s")
    print(f"{'field':10} {'gold':>6} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}  target")
    for field in SCORED:
        c = counts[field]
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        target = TARGETS.get(field)
        mark = "" if target is None else (f">= {target:.2f} " + ("met" if f1 >= target else "NOT met"))
        print(f"{field:10} {tp + fn:6d} {tp + fp:6d} {p:7.3f} {r:7.3f} {f1:7.3f}  {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
