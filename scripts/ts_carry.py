"""Carry translations over to entries pylupdate left unfinished when a string only moved.

`make ts` runs pylupdate5 with -noobsolete, so a string that moved to another
class (another translation context) comes back as a new, unfinished entry and
its old translation is dropped. This fills every unfinished entry of NEW whose
source text is translated in OLD (the .ts before pylupdate ran), in any context,
and prints what is still to translate.

    python3 scripts/ts_carry.py OLD.ts NEW.ts
"""
from __future__ import annotations

import html
import re
import sys
import xml.etree.ElementTree as ET


def translations(path: str) -> dict[str, str]:
    found = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            found.setdefault(message.findtext("source"), translation.text)
    return found


_UNFINISHED = re.compile(
    r"(<message>\s*(?:<location[^>]*/>\s*)*<source>([^<]*)</source>\s*)"
    r"<translation type=\"unfinished\">[^<]*</translation>", re.S)


def main(old: str, new: str) -> int:
    known = translations(old)
    text = open(new, encoding="utf-8").read()
    carried, todo = 0, []

    def fill(match):
        nonlocal carried
        source = html.unescape(match.group(2))
        if source not in known:
            todo.append(source)
            return match.group(0)
        carried += 1  # also pylupdate's own guesses of moved strings, which it leaves unfinished
        return f"{match.group(1)}<translation>{html.escape(known[source], quote=False)}</translation>"

    text = _UNFINISHED.sub(fill, text)
    with open(new, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"ts_carry: {carried} translations carried over, {len(todo)} still to translate")
    for line in todo:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
