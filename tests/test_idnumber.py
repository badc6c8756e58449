"""GB 11643-1999 ID numbers: check character, validation, construction, pseudonyms."""
from __future__ import annotations

import hashlib
import hmac
from datetime import date

import pytest
from cim_twin.cim_twin_plugin.core import idnumber
from cim_twin.cim_twin_plugin.core.errors import ValidationError

# The standard's weights and mapping, written out here independently of the module.
_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_MAP = {0: "1", 1: "0", 2: "X", 3: "9", 4: "8", 5: "7", 6: "6", 7: "5", 8: "4", 9: "3", 10: "2"}


def _by_hand(first17: str) -> str:
    return _MAP[sum(int(c) * w for c, w in zip(first17, _W)) % 11]


def test_standard_example_is_valid():
    # 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 % 11 = 2 -> X
    assert _by_hand("11010519491231002") == "X"
    assert idnumber.check_digit("11010519491231002") == "X"
    assert idnumber.is_valid("11010519491231002X")


@pytest.mark.parametrize(
    "first17",
    ["31011519800101001", "31011520231231998", "44030419991111123", "31011519480229000"],
)
def test_check_digit_matches_hand_computation(first17):
    assert idnumber.check_digit(first17) == _by_hand(first17)


def test_every_check_value_is_reachable():
    seen = {idnumber.check_digit(f"3101151980010100{d}") for d in range(10)}
    seen |= {idnumber.check_digit(f"310115198001010{d}0") for d in range(10)}
    assert "X" in seen and len(seen) >= 10


@pytest.mark.parametrize(
    "bad",
    [
        "11010519491231002x",  # lower-case x is not normalised by is_valid
        "110105194912310020",  # wrong check character
        "11010519491231002",  # 17 characters
        "11010519491231002XX",  # 19
        "11010519490230002" + _by_hand("11010519490230002"),  # 30 February
        "1101051949123100A" + "X",  # letter in the body
        "１１０１０５１９４９１２３１００２X",  # full-width digits
        "",
    ],
)
def test_invalid_numbers(bad):
    assert not idnumber.is_valid(bad)


def test_non_string_is_invalid():
    assert not idnumber.is_valid(110105194912310020)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad", ["1234567890123456", "1101051949123100X", "ABCDEFGHIJKLMNOPQ", "１１０１０５１９４９１２３１００２"]
)
def test_check_digit_rejects_malformed(bad):
    with pytest.raises(ValidationError):
        idnumber.check_digit(bad)


def test_make_id_roundtrip():
    number = idnumber.make_id("310115", date(1985, 7, 9), 123)
    assert number[:17] == "31011519850709123"
    assert number[17] == _by_hand(number[:17])
    assert idnumber.is_valid(number)
    assert idnumber.birth_date(number) == date(1985, 7, 9)
    assert idnumber.sex(number) == "M"
    assert idnumber.sex(idnumber.make_id("310115", date(2001, 2, 28), 124)) == "F"


def test_make_id_leap_day_and_zero_sequence():
    number = idnumber.make_id("310115", date(2000, 2, 29), 0)
    assert number.startswith("31011520000229000")
    assert idnumber.is_valid(number)


@pytest.mark.parametrize(
    "region, seq",
    [("31011", 1), ("3101150", 1), ("31O115", 1), ("310115", -1), ("310115", 1000), ("310115", True)],
)
def test_make_id_rejects_bad_parts(region, seq):
    with pytest.raises(ValidationError):
        idnumber.make_id(region, date(1990, 1, 1), seq)


def test_normalise():
    assert idnumber.normalise(" １１０１０５１９４９１２３１００２ｘ ") == "11010519491231002X"
    assert idnumber.is_valid(idnumber.normalise("11010519491231002x"))


def test_pseudonymous_key():
    secret = b"district secret"
    key = idnumber.pseudonymous_key("11010519491231002X", secret)
    expected = hmac.new(secret, b"11010519491231002X", hashlib.sha256).hexdigest()[:32]
    assert key == expected
    assert len(key) == 32 and all(c in "0123456789abcdef" for c in key)
    # variants of one number give one key; another secret or number gives another
    assert idnumber.pseudonymous_key("11010519491231002x", secret) == key
    assert idnumber.pseudonymous_key("１１０１０５１９４９１２３１００２Ｘ", secret) == key
    assert idnumber.pseudonymous_key("11010519491231002X", b"other") != key
    assert idnumber.pseudonymous_key("310115198001010011", secret) != key
    # the key does not contain the number
    assert "110105" not in key


@pytest.mark.parametrize("secret", [b"", "text", None])
def test_pseudonymous_key_needs_secret(secret):
    with pytest.raises(ValidationError):
        idnumber.pseudonymous_key("11010519491231002X", secret)  # type: ignore[arg-type]


def test_pseudonymous_key_rejects_empty_number():
    with pytest.raises(ValidationError):
        idnumber.pseudonymous_key("  ", b"s")


def test_check_digit_on_many_bodies():
    # every residue 0..10 occurs among these bodies, so a wrong mapping entry is caught
    bodies = [f"310115{1930 + i % 90:04d}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}" for i in range(500)]
    residues = {sum(int(c) * w for c, w in zip(b, _W)) % 11 for b in bodies}
    assert residues == set(range(11))
    for body in bodies:
        assert idnumber.check_digit(body) == _by_hand(body)
        assert idnumber.is_valid(body + _by_hand(body))
