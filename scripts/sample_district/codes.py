"""Codes and number formats of the sample district.

- Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters
  from the 31-character set ``0-9 A-H J-N P-R T U W-Y`` (no I O Z S V):
  ``1`` registration authority (9 = market regulation), ``2`` entity type
  (1 = enterprise), ``3-8`` address code of the registering authority,
  ``9-17`` organisation code (GB 11714: 8 characters + its own MOD 11 check
  character), ``18`` check character: weights ``3**(i) mod 31`` =
  1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, check = (31 - sum mod 31) mod 31.
  Known-good example: 9144030071526726XG.
- Chinese numerals for house numbers (一千弄, 十二号) and full-width digits.
"""
from __future__ import annotations

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_VALUE = {c: i for i, c in enumerate(CREDIT_CHARSET)}

ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_code_check(body8: str) -> str:
    """GB 11714 check character of an 8-character organisation code body."""
    if len(body8) != 8:
        raise ValueError(f"organisation code body must have 8 characters: {body8!r}")
    total = 0
    for ch, w in zip(body8, ORG_WEIGHTS):
        if ch.isdigit():
            value = int(ch)
        elif "A" <= ch <= "Z":
            value = ord(ch) - ord("A") + 10
        else:
            raise ValueError(f"bad organisation code character {ch!r}")
        total += value * w
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_code_check(first17: str) -> str:
    """GB 32100 check character (18th) of a unified social credit code."""
    if len(first17) != 17:
        raise ValueError(f"need the first 17 characters of a credit code: {first17!r}")
    try:
        total = sum(_CREDIT_VALUE[c] * w for c, w in zip(first17, CREDIT_WEIGHTS))
    except KeyError as exc:
        raise ValueError(f"character {exc.args[0]!r} is not allowed in a credit code") from None
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def credit_code_is_valid(code: str) -> bool:
    """True if ``code`` has 18 allowed characters and a correct 18th check character."""
    if len(code) != 18 or any(c not in _CREDIT_VALUE for c in code):
        return False
    return credit_code_check(code[:17]) == code[17]


def make_credit_code(region6: str, org_body8: str, authority: str = "9", kind: str = "1") -> str:
    """Build a valid credit code from address code and organisation code body."""
    org = org_body8 + org_code_check(org_body8)
    first17 = authority + kind + region6 + org
    return first17 + credit_code_check(first17)


_DIGITS = "零一二三四五六七八九"
_UNITS = ("", "十", "百", "千")


def chinese_numeral(n: int) -> str:
    """Write 1..9999 in Chinese numerals: 12 -> 十二, 1000 -> 一千, 1205 -> 一千二百零五."""
    if not 0 < n < 10000:
        raise ValueError(f"chinese_numeral supports 1..9999, got {n}")
    out = []
    zero_pending = False
    for pos in (3, 2, 1, 0):
        d = n // 10**pos % 10
        if d == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[d] + _UNITS[pos])
    text = "".join(out)
    if 10 <= n < 20:
        text = text[1:]  # 十二, not 一十二
    return text


FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def fullwidth(text: str) -> str:
    """Replace ASCII digits with full-width digits (０-９)."""
    return text.translate(FULLWIDTH_DIGITS)
