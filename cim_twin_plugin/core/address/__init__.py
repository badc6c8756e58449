"""Chinese addresses: normalisation, gazetteer, parser, keys, encoding-robust CSV and the household join.

Pure Python (jieba for segmentation); no QGIS.  See :mod:`.parser` for how an
address is read and :mod:`.join` for how records find their household.
"""
from .csvio import decode, detect_encoding, read_rows
from .gazetteer import LEVELS, Division, Gazetteer
from .normalise import chinese_to_int, normalise
from .parser import FIELDS, MAX_LENGTH, AddressParser, ParsedAddress, make_building_key, make_room_key

__all__ = [
    "AddressParser", "Division", "FIELDS", "Gazetteer", "LEVELS", "MAX_LENGTH", "ParsedAddress",
    "chinese_to_int", "decode", "detect_encoding", "make_building_key", "make_room_key", "normalise",
    "read_rows",
]
