"""Resident identity card numbers (居民身份证号码) after GB 11643-1999.

An ID number has 18 characters::

    RRRRRR YYYYMMDD SSS C
    |      |        |   +-- check character, 0-9 or X (ISO 7064 MOD 11-2)
    |      |        +------ sequence code; odd = male, even = female
    |      +--------------- date of birth
    +---------------------- address code (GB/T 2260 administrative division)

The check character: weight the first 17 digits with
``7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2``, take the sum modulo 11 and map
``0..10`` to ``1 0 X 9 8 7 6 5 4 3 2``.  The standard's own example
``11010519491231002X`` is valid.

ID numbers are personal data (DESIGN.md, privacy): :func:`pseudonymous_key`
derives the keyed hash the twin stores instead of the number itself.

Pure Python, standard library only.
"""
from __future__ import annotations

import hashlib
import hmac
from datetime import date

from .errors import QT_TRANSLATE_NOOP, ValidationError

__all__ = [
    "WEIGHTS",
    "CHECK_CHARS",
    "check_digit",
    "is_valid",
    "make_id",
    "normalise",
    "birth_date",
    "sex",
    "pseudonymous_key",
    "from_15",
    "keyed_hash",
    "keyed_hasher",
    "person_key",
]

WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
"""Weights of the first 17 digits (2**(18-i) mod 11 for position i = 1..17)."""

CHECK_CHARS = "10X98765432"
"""Check character for each value of the weighted sum modulo 11."""

_ASCII_DIGITS = frozenset("0123456789")


def check_digit(first17: str) -> str:
    """Return the check character ('0'-'9' or 'X') for the first 17 digits.

    Raises :class:`ValidationError` if ``first17`` is not exactly 17 ASCII digits.
    """
    if not isinstance(first17, str) or len(first17) != 17 or not set(first17) <= _ASCII_DIGITS:
        raise ValidationError(
            f"the first 17 characters of an ID number must be 17 digits, got {first17!r}"
        )
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS))
    return CHECK_CHARS[total % 11]


def normalise(id_number: str) -> str:
    """Strip surrounding blanks, turn full-width digits/X into ASCII and 'x' into 'X'."""
    text = id_number.strip()
    text = text.translate(_FULLWIDTH)
    return text.upper()


_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)}
_FULLWIDTH.update({0xFF38: ord("X"), 0xFF58: ord("X")})


def _birth(id_number: str) -> date | None:
    try:
        return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return None


def is_valid(id_number: str) -> bool:
    """True if ``id_number`` is a well-formed 18-character ID number.

    Checks: 18 characters, the first 17 ASCII digits, the last a digit or an
    upper-case 'X', a real date of birth not before 1800-01-01, and the check
    character.  No normalisation is done (call :func:`normalise` first for
    user input); the address code is not looked up.
    """
    if not isinstance(id_number, str) or len(id_number) != 18:
        return False
    first17, last = id_number[:17], id_number[17]
    if not set(first17) <= _ASCII_DIGITS or last not in "0123456789X":
        return False
    born = _birth(id_number)
    if born is None or born.year < 1800:
        return False
    return check_digit(first17) == last


def make_id(region6: str, birth: date, seq3: int) -> str:
    """Build a valid ID number from address code, date of birth and sequence code.

    ``seq3`` is 0..999; its parity carries the sex (odd = male, even = female).
    Raises :class:`ValidationError` on a malformed region code or sequence.
    """
    if not isinstance(region6, str) or len(region6) != 6 or not set(region6) <= _ASCII_DIGITS:
        raise ValidationError(f"the address code must be 6 digits, got {region6!r}")
    if not isinstance(seq3, int) or isinstance(seq3, bool) or not 0 <= seq3 <= 999:
        raise ValidationError(f"the sequence code must be an integer 0..999, got {seq3!r}")
    if not isinstance(birth, date) or birth.year < 1800:
        raise ValidationError(f"the date of birth must be a date from 1800 on, got {birth!r}")
    first17 = f"{region6}{birth:%Y%m%d}{seq3:03d}"
    return first17 + check_digit(first17)


def birth_date(id_number: str) -> date:
    """The date of birth of a valid ID number (raises :class:`ValidationError` otherwise)."""
    if not is_valid(id_number):
        raise ValidationError(f"not a valid ID number: {_mask(id_number)}")
    born = _birth(id_number)
    assert born is not None
    return born


def sex(id_number: str) -> str:
    """'M' or 'F' from the parity of the sequence code of a valid ID number."""
    if not is_valid(id_number):
        raise ValidationError(f"not a valid ID number: {_mask(id_number)}")
    return "M" if int(id_number[16]) % 2 else "F"


def pseudonymous_key(id_number: str, secret: bytes) -> str:
    """Keyed pseudonym of an ID number: HMAC-SHA256 hex digest, first 32 characters.

    The number is normalised first (blanks, full-width digits, lower-case x),
    so the variants of one number give one key.  ``secret`` must be non-empty
    bytes; without it, the key could be recomputed from a list of numbers.
    """
    if not isinstance(secret, (bytes, bytearray)) or not secret:
        raise ValidationError("the pseudonymisation secret must be non-empty bytes")
    if not isinstance(id_number, str) or not id_number.strip():
        raise ValidationError("cannot pseudonymise an empty ID number")
    text = normalise(id_number)
    return hmac.new(bytes(secret), text.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def from_15(id15: str) -> str:
    """The 18-character form of a 15-digit first-generation number (GB 11643-1989).

    The old form is RRRRRR YYMMDD SSS with a two-digit year of the 1900s: insert '19' before the year
    and append the check character.  Raises :class:`ValidationError` if *id15* is not 15 ASCII digits
    or its date of birth is not a real date.
    """
    if not isinstance(id15, str) or len(id15) != 15 or not set(id15) <= _ASCII_DIGITS:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "a 15-digit ID number must be 15 digits, got {value}"),
                              code="id15", value=_mask(id15))
    first17 = id15[:6] + "19" + id15[6:]
    if _birth(first17) is None:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "the 15-digit ID number {value} has no real birth date"),
                              code="id15", value=_mask(id15))
    return first17 + check_digit(first17)


def keyed_hash(text: str, secret: bytes, length: int = 16) -> str:
    """The first *length* hex digits of HMAC-SHA256(*secret*, *text* in UTF-8)."""
    if not isinstance(secret, (bytes, bytearray)) or not secret:
        raise ValidationError("the pseudonymisation secret must be non-empty bytes")
    return hmac.digest(bytes(secret), text.encode("utf-8"), "sha256").hex()[:length]


def keyed_hasher(secret: bytes, length: int = 16):
    """A function *text* -> :func:`keyed_hash` (*text*, *secret*, *length*), for many texts.

    HMAC (RFC 2104) with the key's inner and outer pads hashed once: about twice as fast per text as
    :func:`hmac.digest`, with the same result.
    """
    if not isinstance(secret, (bytes, bytearray)) or not secret:
        raise ValidationError("the pseudonymisation secret must be non-empty bytes")
    key = bytes(secret)
    if len(key) > 64:  # SHA-256's block size
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in key))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in key))

    def keyed(text: str) -> str:
        i = inner.copy()
        i.update(text.encode("utf-8"))
        o = outer.copy()
        o.update(i.digest())
        return o.hexdigest()[:length]

    return keyed


def person_key(id_number: str, secret: bytes) -> str:
    """The population base's person_key: the first 16 hex digits of HMAC-SHA256(secret, canonical ID).

    The canonical ID is the valid 18-character number with upper-case X (a 15-digit one is converted
    first, see :func:`from_15`), so any tool holding the key reproduces the person_key of a number.
    Raises :class:`ValidationError` if the number is not valid.
    """
    text = normalise(id_number) if isinstance(id_number, str) else ""
    if len(text) == 15 and set(text) <= _ASCII_DIGITS:
        text = from_15(text)
    if not is_valid(text):
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "not a valid ID number: {value}"), code="id_invalid",
                              value=_mask(text))
    return keyed_hash(text, secret)


def _mask(id_number: object) -> str:
    """Show an ID number in messages without disclosing it (privacy rule)."""
    text = str(id_number)
    if len(text) <= 4:
        return "*" * len(text)
    return text[:2] + "*" * (len(text) - 4) + text[-2:]
