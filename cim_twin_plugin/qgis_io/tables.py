"""Bridge for tables of records: layers or CSV files -> core records; core results -> QGIS features.

CSV files given by path are read by the core's reader, which detects UTF-8,
UTF-8 with BOM, GBK and GB18030 (QGIS's OGR CSV driver would assume UTF-8 and
garble GBK text); layers (also CSV layers opened in QGIS with their encoding
set) are read through QGIS.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ..core.address import read_rows
from ..core.address.join import BuildingAddress
from ..core.errors import ValidationError
from .common import canceled, error_text, has_geometry, require_fields

CSV_SUFFIXES = (".csv", ".txt", ".tsv")


def is_csv_path(value) -> bool:
    """True if a parameter value is the path of an existing CSV file (read by the core reader)."""
    return isinstance(value, str) and value.lower().endswith(CSV_SUFFIXES) and os.path.isfile(value)


@dataclass
class Records:
    """Rows of a table: a key and an address per row, the kept attributes and geometries."""

    name: str
    keys: list[str] = field(default_factory=list)
    addresses: list[str | None] = field(default_factory=list)
    household_keys: list[list[str]] = field(default_factory=list)
    """per record, the values of the household key fields tagged with the field (户号|100584384)"""
    fields: QgsFields = field(default_factory=QgsFields)
    """the input fields kept in outputs (empty unless asked for)"""
    attributes: list[list] = field(default_factory=list)
    geometries: list[QgsGeometry] = field(default_factory=list)
    wkb_type: int = QgsWkbTypes.Type.NoGeometry
    crs: QgsCoordinateReferenceSystem = field(default_factory=QgsCoordinateReferenceSystem)
    key_field: QgsField | None = None
    """the layer field the keys come from (outputs give their record key its type), None for CSV/fid"""

    def kept(self, reserved) -> tuple[list, list[int]]:
        """The kept input fields whose names are not in *reserved* (the output's own fields), and their
        positions in :attr:`attributes`: work out once, then ``[row[k] for k in positions]`` per record."""
        fields = [f for f in self.fields if f.name() not in reserved]
        return fields, [self.fields.indexOf(f.name()) for f in fields]


def _value(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    return str(value)


def _household_keys(names: list[str], values: list) -> list[str]:
    return [f"{name}|{value}" for name, value in zip(names, values) if value is not None and str(value).strip()]


def read_records(value, source, address_field: str, key_field: str, keep: bool, feedback=None,
                 household_key_fields=(), span: float = 10.0) -> Records:
    """Records of a CSV path (*value*) or a feature source (*source*); reading a source moves *feedback*'s
    progress from 0 to *span* % (100 when *feedback* is the reading phase's own)."""
    household_key_fields = list(household_key_fields or ())
    if is_csv_path(value):
        return _read_csv(value, address_field, key_field, keep, household_key_fields)
    if source is None:
        raise QgsProcessingException(QCoreApplication.translate(
            "QgisIOTables", "The input table could not be read: give a layer or a CSV file."))
    names = source.fields().names()
    records = Records(source.sourceName())
    require_fields(source.sourceName(), names, [address_field, key_field] + household_key_fields)
    address_index = names.index(address_field)
    key_index = names.index(key_field) if key_field else -1
    if key_index >= 0:
        records.key_field = QgsField(source.fields().at(key_index))
    group_index = [names.index(name) for name in household_key_fields]
    if keep:
        records.fields = QgsFields(source.fields())
        records.wkb_type = source.wkbType()
        records.crs = source.sourceCrs()
    total = source.featureCount() or 1
    request = QgsFeatureRequest()
    if not keep:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes([i for i in [address_index, key_index] + group_index if i >= 0])
    for n, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and n % 5000 == 0:
            if feedback.isCanceled():
                raise canceled()  # not a partial table taken for the whole one
            feedback.setProgress(span * n / total)
        records.addresses.append(_value(feature.attribute(address_index)))
        key = _value(feature.attribute(key_index)) if key_index >= 0 else None
        records.keys.append(key if key is not None else str(feature.id()))
        records.household_keys.append(_household_keys(household_key_fields,
                                                       [_value(feature.attribute(i)) for i in group_index]))
        if keep:
            records.attributes.append(feature.attributes())
            records.geometries.append(feature.geometry())
    return records


def _read_csv(path: str, address_field: str, key_field: str, keep: bool, household_key_fields: list[str]) -> Records:
    try:
        header, rows = read_rows(path)
    except ValidationError as exc:
        raise QgsProcessingException(error_text(exc)) from exc
    name = os.path.basename(path)
    require_fields(name, header, [address_field, key_field] + household_key_fields)
    address_col = header.index(address_field)
    key_col = header.index(key_field) if key_field else -1
    group_cols = [header.index(column) for column in household_key_fields]
    records = Records(name)
    if keep:
        for column in header:
            records.fields.append(QgsField(column, QVariant.String))
    width = len(header)
    for n, row in enumerate(rows, start=1):
        row = row + [""] * (width - len(row))
        records.addresses.append(row[address_col])
        records.keys.append(row[key_col] if key_col >= 0 and row[key_col] else str(n))
        records.household_keys.append(_household_keys(household_key_fields, [row[i] for i in group_cols]))
        if keep:
            records.attributes.append(row[:width])
    return records


def read_buildings(source, id_field: str, address_field: str, road_field: str, lane_field: str,
                   number_field: str, floors_field: str, feedback=None):
    """(BuildingAddress list, {building id: geometry}) of a polygon source."""
    names = source.fields().names()
    require_fields(source.sourceName(), names,
                   (id_field, address_field, road_field, lane_field, number_field, floors_field))
    if not address_field and not (road_field and number_field):
        raise QgsProcessingException(
            QCoreApplication.translate(
                "QgisIOTables",
                "The buildings layer {layer} needs address fields: choose its address field, or its road and "
                "number fields (and lane, if any).").format(layer=source.sourceName())
        )
    index = {name: names.index(name) if name else -1
             for name in (id_field, address_field, road_field, lane_field, number_field, floors_field)}
    buildings, geometries = [], {}
    seen = set()

    def get(feature, name):
        i = index.get(name, -1)
        value = _value(feature.attribute(i)) if name and i >= 0 else None
        return "" if value is None else value

    for feature in source.getFeatures():
        if feedback is not None and feedback.isCanceled():
            raise canceled()

        building_id = get(feature, id_field) if id_field else str(feature.id())
        if not building_id or building_id in seen:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "QgisIOTables",
                    "The buildings layer {layer}: feature {fid} has an empty or repeated id '{id}' in {field}; "
                    "choose a field with unique ids.").format(
                    layer=source.sourceName(), fid=feature.id(), id=building_id, field=id_field or "fid")
            )
        seen.add(building_id)
        floors = get(feature, floors_field)
        try:
            floors_value = int(float(floors)) if floors else None
        except (ValueError, OverflowError):  # not a number, or inf
            floors_value = None
        buildings.append(BuildingAddress(
            building_id, get(feature, address_field), road=get(feature, road_field),
            lane=get(feature, lane_field), number=get(feature, number_field),
            floors=floors_value, located=has_geometry(feature.geometry())))
        geometries[building_id] = feature.geometry()
    return buildings, geometries


#: field names of the parser, translated for messages
def field_label(name: str) -> str:
    labels = {
        "road": QCoreApplication.translate("QgisIOTables", "road or POI"),
        "number": QCoreApplication.translate("QgisIOTables", "house number"),
        "room": QCoreApplication.translate("QgisIOTables", "room"),
    }
    return labels.get(name, name)


def parse_reason(parsed) -> str:
    """Translated reason of a parse status ('' when ok)."""
    code = parsed.reason_code
    if parsed.status == "ok":
        return ""
    if code == "missing":
        return QCoreApplication.translate("QgisIOTables", "missing: {parts}").format(
            parts=", ".join(field_label(m) for m in parsed.missing))
    texts = {
        "empty": QCoreApplication.translate("QgisIOTables", "the address is empty"),
        "too_long": QCoreApplication.translate(
            "QgisIOTables", "longer than {n} characters: not an address (check the column)"),
        "no_chinese": QCoreApplication.translate(
            "QgisIOTables", "no Chinese characters: English or pinyin addresses are not parsed"),
        "no_place": QCoreApplication.translate("QgisIOTables", "numbers only: no road, POI or division name"),
        "no_elements": QCoreApplication.translate("QgisIOTables", "no place name or house number found"),
    }
    from ..core.address import MAX_LENGTH

    return texts.get(code, code).replace("{n}", str(MAX_LENGTH))


def join_reason(unmatched, parsed=None) -> str:
    """Translated reason why a record has no household, with what was found."""
    texts = {
        "parse_failed": QCoreApplication.translate("QgisIOTables", "address not understood: {detail}"),
        "no_road": QCoreApplication.translate("QgisIOTables", "no road or POI in the address"),
        "other_district": QCoreApplication.translate(
            "QgisIOTables", "the address is in another district ({detail}) than the buildings"),
        "road_not_found": QCoreApplication.translate(
            "QgisIOTables", "the road {detail} is not among the buildings' roads"),
        "ambiguous_road": QCoreApplication.translate(
            "QgisIOTables", "the road is unknown and close to several roads ({detail}): not guessed"),
        "number_not_found": QCoreApplication.translate(
            "QgisIOTables", "no building has this road, lane and number ({detail})"),
        "duplicate_building_address": QCoreApplication.translate(
            "QgisIOTables", "several buildings have this address ({detail}): not guessed"),
        "no_room": QCoreApplication.translate(
            "QgisIOTables", "no room number: the building is {detail}, the household is unknown"),
        "room_in_several_units": QCoreApplication.translate(
            "QgisIOTables", "the room exists in several units of {detail}: give the unit"),
        "building_without_geometry": QCoreApplication.translate(
            "QgisIOTables", "the building {detail} has no geometry: no household can be placed in it; "
                            "fix its footprint"),
    }
    detail = unmatched.detail
    if unmatched.reason == "parse_failed" and parsed is not None:
        detail = parse_reason(parsed)
    return texts.get(unmatched.reason, unmatched.reason).replace("{detail}", detail)
