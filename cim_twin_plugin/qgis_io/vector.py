"""Fast vector reading and writing for files, with QGIS features as the fallback.

Reading: where the input is a plain file layer of the OGR provider (no subset,
no selection, no feature limit, no geometry check of its own), its features are
read with GDAL's columnar Arrow stream into numpy (``ogr.Layer.GetArrowStreamAsNumPy``):
fids, attribute columns and ISO WKB geometries, a batch at a time.

Writing: where the destination is a plain ``.gpkg`` path, QGIS still creates
the (empty) layer through ``parameterAsSink`` (so the schema, field types and
layer name are exactly those of Processing), then the rows are inserted with
SQLite in one transaction (GeoPackage geometry blobs as OGR writes them; the
spatial index filled in bulk). Every other destination (memory, PostGIS,
``ogr:`` URIs, shapefiles, ...) gets QGIS features through the sink.

:func:`fast_input` and :func:`fast_output_path` say whether the fast path
applies; they return None otherwise and the algorithm reads and writes QGIS
features as before.
"""
from __future__ import annotations

import datetime
import os
import pathlib
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from .outputs import destination_path
from .schema import add_features

#: OGR field types whose values round-trip as Python int/float/str (others: the QGIS path)
_PLAIN_TYPES = None  # filled on first use (osgeo is imported lazily)


def _plain_types() -> set:
    global _PLAIN_TYPES
    if _PLAIN_TYPES is None:
        from osgeo import ogr

        _PLAIN_TYPES = {ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal, ogr.OFTString}
    return _PLAIN_TYPES


@dataclass
class FastInput:
    """A file layer OGR reads directly (see :func:`fast_input`)."""

    path: str
    layer_name: str | None
    fields: QgsFields
    """the layer's QGIS fields (for a GeoPackage the first is its fid)"""
    crs: QgsCoordinateReferenceSystem
    wkb_type: int
    count: int
    name: str
    fid_column: str = ""
    geometry_column: str = ""
    columns: list[str] = field(default_factory=list)
    """the Arrow column of each QGIS field, in QGIS order ("" = the fid)"""


@dataclass
class Batch:
    """A batch of features read by :func:`read_batches`."""

    columns: list[list]
    """one list per QGIS field (Python values, None for NULL)"""
    wkbs: list
    """ISO WKB of each feature, None without geometry"""

    def __len__(self) -> int:
        return len(self.wkbs)

    def rows(self) -> list[list]:
        """The attributes row by row (QGIS field order)."""
        if not self.columns:
            return [[] for _ in self.wkbs]
        return [list(row) for row in zip(*self.columns)]


def fast_input(algorithm, parameters, key: str, context) -> FastInput | None:
    """The input *key* as a :class:`FastInput` when GDAL can read it directly, else None.

    The caller reads every feature, valid or not (as QGIS does with
    ``QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks``): nothing is
    dropped. An input whose own definition asks for a geometry check is read by QGIS.
    """
    value = parameters.get(key)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1:
            return None
        if value.flags & QgsProcessingFeatureSourceDefinition.Flag.FlagOverrideDefaultGeometryCheck:
            if value.geometryCheck != QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck:
                return None
    layer = algorithm.parameterAsVectorLayer(parameters, key, context)
    if layer is None or not layer.isValid() or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isEditable() and layer.isModified():
        return None
    wkb_type = layer.wkbType()
    if (wkb_type == QgsWkbTypes.Type.Unknown or QgsWkbTypes.isCurvedType(wkb_type)
            or QgsWkbTypes.hasZ(wkb_type) or QgsWkbTypes.hasM(wkb_type)):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not os.path.isfile(path) or parts.get("layerId") not in (None, ""):
        return None
    try:
        from osgeo import ogr

        dataset = ogr.Open(path, 0)
    except Exception:  # noqa: BLE001 (any failure: the QGIS path reads it)
        return None
    if dataset is None:
        return None
    ogr_layer = dataset.GetLayerByName(parts["layerName"]) if parts.get("layerName") else dataset.GetLayer(0)
    if ogr_layer is None or not hasattr(ogr_layer, "GetArrowStreamAsNumPy"):
        return None
    defn = ogr_layer.GetLayerDefn()
    plain = _plain_types()
    ogr_fields = {}
    for i in range(defn.GetFieldCount()):
        fdefn = defn.GetFieldDefn(i)
        if fdefn.GetType() not in plain or fdefn.GetSubType() != ogr.OFSTNone:
            return None
        ogr_fields[fdefn.GetName()] = fdefn
    fid_column = ogr_layer.GetFIDColumn() or ""
    columns = []
    for qfield in layer.fields():
        name = qfield.name()
        if fid_column and name == fid_column:
            columns.append("")
        elif name in ogr_fields:
            columns.append(name)
        else:
            return None
    if len(columns) != len(ogr_fields) + (1 if fid_column and "" in columns else 0):
        return None
    return FastInput(path=path, layer_name=ogr_layer.GetName(), fields=QgsFields(layer.fields()),
                     crs=layer.crs(), wkb_type=wkb_type, count=max(0, layer.featureCount()), name=layer.name(),
                     fid_column=fid_column, geometry_column=ogr_layer.GetGeometryColumn() or "", columns=columns)


def read_batches(source: FastInput, batch_size: int = 100_000) -> Iterator[Batch]:
    """The features of *source* in batches of columns (Python values) and WKB."""
    from osgeo import ogr

    dataset = ogr.Open(source.path, 0)
    layer = dataset.GetLayerByName(source.layer_name) if source.layer_name else dataset.GetLayer(0)
    stream = layer.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={batch_size}", "INCLUDE_FID=YES"])
    fid_key = source.fid_column or "OGC_FID"
    for arrays in stream:
        geometry_key = source.geometry_column or "wkb_geometry"
        if geometry_key not in arrays:
            geometry_key = next((k for k in arrays if k not in source.columns and k != fid_key), None)
        n = len(arrays[fid_key]) if fid_key in arrays else len(arrays[geometry_key])
        columns = []
        for name in source.columns:
            columns.append(_python_values(arrays[fid_key if name == "" else name]))
        wkbs = _wkb_list(arrays[geometry_key], n) if geometry_key else [None] * n
        yield Batch(columns, wkbs)
    del stream, layer, dataset


def _python_values(array) -> list:
    mask = np.ma.getmaskarray(array) if np.ma.isMaskedArray(array) else None
    data = np.ma.getdata(array)
    if data.dtype.kind == "S":
        values = np.char.decode(data, "utf-8").tolist()
    elif data.dtype.kind == "O":
        values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in data.tolist()]
    else:
        values = data.tolist()
    if mask is not None and mask.any():
        for i in np.flatnonzero(mask).tolist():
            values[i] = None
    return values


def _wkb_list(array, n: int) -> list:
    mask = np.ma.getmaskarray(array) if np.ma.isMaskedArray(array) else None
    data = np.ma.getdata(array)
    if data.dtype.kind == "V":  # all geometries of one size: fixed-width bytes
        values = [bytes(v) for v in data]
    else:
        values = [None if v is None or len(v) == 0 else bytes(v) for v in data.tolist()]
    if mask is not None and mask.any():
        for i in np.flatnonzero(mask).tolist():
            values[i] = None
    return values


def point_xy(wkbs: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y, simple) of 2D little-endian WKB points; *simple* is False where another geometry
    (or None) needs a representative point computed otherwise."""
    n = len(wkbs)
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    simple = np.zeros(n, dtype=bool)
    header = b"\x01\x01\x00\x00\x00"
    idx = [i for i, w in enumerate(wkbs) if w is not None and len(w) == 21 and w[:5] == header]
    if idx:
        buf = np.frombuffer(b"".join(wkbs[i] for i in idx), dtype=np.uint8).reshape(-1, 21)
        coords = buf[:, 5:].copy().view("<f8")
        ids = np.asarray(idx)
        x[ids] = coords[:, 0]
        y[ids] = coords[:, 1]
        simple[ids] = True
    return x, y, simple


def representative_xy(wkb: bytes) -> tuple[float, float] | None:
    """A point on the surface of a WKB geometry (the QGIS path's rule: GEOS PointOnSurface,
    else the centroid), or None when empty."""
    from shapely import wkb as shapely_wkb

    shape = shapely_wkb.loads(wkb)
    if shape.is_empty:
        return None
    if shape.geom_type == "Point":
        return shape.x, shape.y
    try:
        point = shape.representative_point()
    except Exception:  # noqa: BLE001 (GEOS fails on some invalid polygons: the centroid, as QGIS does)
        point = None
    if point is None or point.is_empty:
        point = shape.centroid
    return None if point.is_empty else (point.x, point.y)


# --- output -------------------------------------------------------------------------------------------


def fast_output_path(parameters, key: str, context) -> str | None:
    """The plain GeoPackage path of the sink parameter *key*, or None when Processing must write it."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        if value.createOptions:  # an encoding or other options: let QGIS honour them
            options = {k: v for k, v in value.createOptions.items() if k != "fileEncoding"}
            if options:
                return None
    elif not isinstance(value, str):
        return None
    sink = destination_path(value)  # the one reading of a destination (a plain file, or None)
    return sink if sink is not None and sink.lower().endswith(".gpkg") else None


class SinkWriter:
    """Rows and WKB into a QGIS feature sink (every destination Processing supports)."""

    def __init__(self, sink, fields: QgsFields, output: str = ""):
        self.sink = sink
        self.fields = fields
        self.output = output
        """the output parameter, named when the sink refuses features"""

    def add(self, rows: list[list], wkbs: list) -> None:
        features = []
        for row, data in zip(rows, wkbs):
            feature = QgsFeature(self.fields)
            feature.setAttributes(row)
            if data is not None:
                geometry = QgsGeometry()
                geometry.fromWkb(data)
                feature.setGeometry(geometry)
            features.append(feature)
        self.add_features(features)

    def add_features(self, features: list) -> None:
        add_features(self.sink, features, self.output)

    def commit(self) -> None:
        self.sink = None

    def rollback(self) -> None:
        self.sink = None


class GpkgWriter:
    """Rows and WKB into the (empty) table of a GeoPackage QGIS has just created, in one transaction."""

    def __init__(self, path: str, fields: QgsFields, wkb_type):
        # read-write, never create: the file is the one QGIS has just made, or the fast path is not taken
        self.connection = sqlite3.connect(f"{pathlib.Path(path).resolve().as_uri()}?mode=rw", uri=True,
                                          isolation_level=None)
        try:
            self._prepare(fields, wkb_type)
        except BaseException:
            self.connection.close()  # no handle left on a file the run may delete or rename
            raise

    def _prepare(self, fields: QgsFields, wkb_type) -> None:
        cursor = self.connection.cursor()
        tables = cursor.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchall()
        if len(tables) != 1:
            raise ValueError("not one feature table")
        self.table = tables[0][0]
        self.geometry, self.srs_id = cursor.execute(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (self.table,)).fetchone()
        info = cursor.execute(f"PRAGMA table_info({_quote(self.table)})").fetchall()
        pk = [row[1] for row in info if row[5]]
        if len(pk) != 1:
            raise ValueError("no single primary key")
        self.pk = pk[0]
        columns = [row[1] for row in info if row[1] not in (self.pk, self.geometry)]
        names = [f.name() for f in fields]
        self.pk_index = names.index(self.pk) if self.pk in names else -1
        attribute_names = [n for i, n in enumerate(names) if i != self.pk_index]
        if [c.lower() for c in columns] != [n.lower() for n in attribute_names]:
            raise ValueError("the table's columns are not the fields")
        self.slots = [i for i in range(len(names)) if i != self.pk_index]
        keys = ([self.pk] if self.pk_index >= 0 else []) + [self.geometry] + columns
        self.insert = (f"INSERT INTO {_quote(self.table)} ({', '.join(map(_quote, keys))}) "
                       f"VALUES ({', '.join('?' * len(keys))})")
        self.rtree = f"rtree_{self.table}_{self.geometry}"
        self.triggers = cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (self.table,)).fetchall()
        self.has_rtree = bool(cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (self.rtree,)).fetchone())
        self.has_count = bool(cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone())
        self.srs = struct.pack("<i", self.srs_id)
        self.extent = [np.inf, np.inf, -np.inf, -np.inf]
        self.written = 0
        self.ids: list = []
        self.boxes: list = []
        flat = QgsWkbTypes.flatType(wkb_type)
        self.multi = int(flat) if int(flat) in (4, 5, 6) else 0
        self.empty = b"GP\x00\x11" + self.srs + (
            _EMPTY_POINT if flat == QgsWkbTypes.Type.Point else b"\x01" + struct.pack("<II", int(flat), 0))
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("BEGIN")
        for name, _ in self.triggers:  # the spatial index and the feature count are filled in bulk
            cursor.execute(f"DROP TRIGGER {_quote(name)}")

    def add(self, rows: list[list], wkbs: list) -> None:
        if self.multi:  # QGIS writes a single part into a multi layer as a multi geometry of one part
            single = self.multi - 3
            head = b"\x01" + struct.pack("<II", self.multi, 1)
            wkbs = [head + w if w is not None and w[0] == 1 and w[1] == single and w[2:5] == b"\x00\x00\x00"
                    else w for w in wkbs]
        blobs, boxes = _gpkg_blobs(wkbs, self.srs, self.empty)
        cursor = self.connection.cursor()
        pk = self.pk_index
        slots = self.slots
        fids = None
        if pk >= 0:
            fids = [row[pk] for row in rows]
            values = [(row[pk], blob, *[row[i] for i in slots]) for row, blob in zip(rows, blobs)]
        else:
            values = [(blob, *[row[i] for i in slots]) for row, blob in zip(rows, blobs)]
        cursor.executemany(self.insert, values)
        if self.has_rtree and rows:
            have = np.isfinite(boxes[:, 0])
            if fids is None or any(f is None for f in fids):  # autoincrement ids: consecutive in a new table
                last = cursor.execute("SELECT last_insert_rowid()").fetchone()[0]
                fids = list(range(last - len(rows) + 1, last + 1))
            self.ids.append(np.asarray(fids, dtype=np.int64)[have])
            self.boxes.append(boxes[have])
        self.written += len(rows)

    def add_features(self, features: list) -> None:
        """QGIS features (attributes in the writer's field order) as rows and WKB."""
        rows, wkbs = [], []
        for feature in features:
            rows.append([None if value.__class__ is QVariant else value for value in feature.attributes()])
            data = bytes(feature.geometry().asWkb()) if feature.hasGeometry() else b""
            wkbs.append(data or None)
        self.add(rows, wkbs)

    def commit(self) -> None:
        try:
            self._finish()
        except sqlite3.Error as exc:
            self.rollback()
            raise QgsProcessingException(QCoreApplication.translate(
                "QgisIO", "The GeoPackage output could not be completed: {error}").format(error=exc)) from exc
        self.connection.close()

    def _finish(self) -> None:
        cursor = self.connection.cursor()
        if self.has_rtree and self.ids:
            boxes = np.concatenate(self.boxes)
            if len(boxes):
                self.extent = [float(boxes[:, 0].min()), float(boxes[:, 2].min()),
                               float(boxes[:, 1].max()), float(boxes[:, 3].max())]
                bulk_load_rtree(cursor, self.rtree, np.concatenate(self.ids), boxes)
        for _, sql in self.triggers:
            cursor.execute(sql)
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        if np.isfinite(self.extent[0]):
            cursor.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? "
                           "WHERE table_name = ?", (*self.extent, stamp, self.table))
        else:
            cursor.execute("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?", (stamp, self.table))
        if self.has_count:
            cursor.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?",
                           (self.written, self.table))
        cursor.execute("COMMIT")

    def rollback(self) -> None:
        try:
            self.connection.execute("ROLLBACK")
        finally:
            self.connection.close()


_CELL = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])


def bulk_load_rtree(cursor, name: str, ids: np.ndarray, boxes: np.ndarray) -> None:
    """Fill the (empty) SQLite R*Tree *name* (id, minx, maxx, miny, maxy) at once: Sort-Tile-Recursive
    packing written straight into its node, parent and rowid tables, as GDAL's own bulk loader
    does (inserting a million boxes one by one takes the R*Tree tens of seconds).

    Boxes are stored as 32-bit floats rounded outwards, as the R*Tree stores them itself.
    """
    node_size = cursor.execute(f"SELECT length(data) FROM {_quote(name + '_node')} WHERE nodeno = 1").fetchone()[0]
    per_node = (node_size - 4) // _CELL.itemsize
    towards, away = 1.0 - 1.0 / 8388608.0, 1.0 + 1.0 / 8388608.0  # SQLite's rtreeValueDown/Up
    d = boxes[:, [0, 2]]
    lo = d.astype(np.float32)
    lo = np.where(lo > d, (d * np.where(d < 0, away, towards)).astype(np.float32), lo)
    d = boxes[:, [1, 3]]
    hi = d.astype(np.float32)
    hi = np.where(hi < d, (d * np.where(d < 0, towards, away)).astype(np.float32), hi)
    level_ids = ids.astype(np.int64)
    level_boxes = np.column_stack([lo[:, 0], hi[:, 0], lo[:, 1], hi[:, 1]]).astype(np.float32)
    nodes: list[tuple[int, bytes]] = []
    rowids: list[tuple[int, int]] = []
    parents: list[tuple[int, int]] = []
    next_node = 2
    depth = 0
    while True:
        n = len(level_ids)
        root = n <= per_node
        if root:
            groups = [np.arange(n)]
        else:
            count = -(-n // per_node)
            slices = int(np.ceil(np.sqrt(count)))
            cx = level_boxes[:, 0].astype(np.float64) + level_boxes[:, 1]
            cy = level_boxes[:, 2].astype(np.float64) + level_boxes[:, 3]
            by_x = np.argsort(cx, kind="stable")
            step = slices * per_node
            groups = []
            for start in range(0, n, step):
                part = by_x[start:start + step]
                part = part[np.argsort(cy[part], kind="stable")]
                groups.extend(part[k:k + per_node] for k in range(0, len(part), per_node))
        up_ids, up_boxes = [], []
        for group in groups:
            number = 1 if root else next_node
            if not root:
                next_node += 1
            cells = np.zeros(len(group), dtype=_CELL)
            cells["id"] = level_ids[group]
            cells["box"] = level_boxes[group]
            head = struct.pack(">HH", depth if root else 0, len(group))
            blob = head + cells.tobytes()
            nodes.append((number, blob + bytes(node_size - len(blob))))
            if depth == 0:
                rowids.extend((int(i), number) for i in level_ids[group].tolist())
            else:
                parents.extend((int(child), number) for child in level_ids[group].tolist())
            b = level_boxes[group]
            up_ids.append(number)
            up_boxes.append((b[:, 0].min(), b[:, 1].max(), b[:, 2].min(), b[:, 3].max()))
        if root:
            break
        level_ids = np.asarray(up_ids, dtype=np.int64)
        level_boxes = np.asarray(up_boxes, dtype=np.float32)
        depth += 1
    cursor.execute(f"DELETE FROM {_quote(name + '_node')}")
    cursor.execute(f"DELETE FROM {_quote(name + '_rowid')}")
    cursor.execute(f"DELETE FROM {_quote(name + '_parent')}")
    cursor.executemany(f"INSERT INTO {_quote(name + '_node')} (nodeno, data) VALUES (?, ?)", nodes)
    cursor.executemany(f"INSERT INTO {_quote(name + '_rowid')} (rowid, nodeno) VALUES (?, ?)", rowids)
    cursor.executemany(f"INSERT INTO {_quote(name + '_parent')} (nodeno, parentnode) VALUES (?, ?)", parents)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_EMPTY_POINT = b"\x01\x01\x00\x00\x00" + struct.pack("<dd", float("nan"), float("nan"))


def _gpkg_blobs(wkbs: list, srs: bytes, empty: bytes) -> tuple[list, np.ndarray]:
    """GeoPackage blobs of 2D ISO WKB geometries as OGR writes them (points without an envelope,
    others with an XY envelope, NULL as an empty geometry) and their (minx, maxx, miny, maxy)."""
    n = len(wkbs)
    boxes = np.full((n, 4), np.nan)
    blobs = [None] * n
    empty_head = b"GP\x00\x11" + srs
    point_head = b"GP\x00\x01" + srs
    env_head = b"GP\x00\x03" + srs
    x, y, simple = point_xy(wkbs)
    pack = struct.Struct("<dddd").pack
    rings = [i for i, w in enumerate(wkbs) if w is not None and w[:9] == _SIMPLE_POLYGON and len(w) > 13
             and int.from_bytes(w[9:13], "little") > 0]
    if rings:  # one-ring polygons (most footprints): their bounds at once
        chunks = [np.frombuffer(wkbs[i], dtype="<f8", offset=13) for i in rings]
        sizes = np.fromiter((len(c) // 2 for c in chunks), dtype=np.int64, count=len(chunks))
        xy = np.concatenate(chunks).reshape(-1, 2)
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        ids = np.asarray(rings)
        boxes[ids, 0] = np.minimum.reduceat(xy[:, 0], starts)
        boxes[ids, 1] = np.maximum.reduceat(xy[:, 0], starts)
        boxes[ids, 2] = np.minimum.reduceat(xy[:, 1], starts)
        boxes[ids, 3] = np.maximum.reduceat(xy[:, 1], starts)
        for i in rings:
            blobs[i] = env_head + pack(*boxes[i]) + wkbs[i]
    for i, data in enumerate(wkbs):
        if blobs[i] is not None:
            continue
        if simple[i]:
            blobs[i] = point_head + data
            continue
        if data is None:  # QGIS writes a feature without geometry as an empty one of the layer's type
            blobs[i] = empty
            continue
        bounds = _wkb_bounds(data)
        if bounds is None:
            blobs[i] = empty_head + data
        else:
            boxes[i] = bounds
            blobs[i] = env_head + pack(*bounds) + data
    boxes[simple, 0] = boxes[simple, 1] = x[simple]
    boxes[simple, 2] = boxes[simple, 3] = y[simple]
    return blobs, boxes


_SIMPLE_POLYGON = b"\x01\x03\x00\x00\x00\x01\x00\x00\x00"


def _wkb_bounds(data: bytes):
    """(minx, maxx, miny, maxy) of a 2D WKB geometry, None when empty."""
    if data[:9] == _SIMPLE_POLYGON:
        n = int.from_bytes(data[9:13], "little")
        if n == 0:
            return None
        coords = np.frombuffer(data, dtype="<f8", count=2 * n, offset=13)
        xs, ys = coords[0::2], coords[1::2]
        return float(xs.min()), float(xs.max()), float(ys.min()), float(ys.max())
    from shapely import wkb as shapely_wkb

    shape = shapely_wkb.loads(data)
    if shape.is_empty:
        return None
    minx, miny, maxx, maxy = shape.bounds
    return minx, maxx, miny, maxy


#: field types whose values SQLite takes as they come (others: the sink writes them)
_PLAIN_QVARIANTS = (QVariant.Int, QVariant.LongLong, QVariant.Double, QVariant.String)


class TableWriter:
    """Create the sink *key* and return a writer: :class:`GpkgWriter` for a plain GeoPackage path,
    else :class:`SinkWriter`. Also returns the destination id for the results."""

    @staticmethod
    def create(algorithm, parameters, key: str, context, fields: QgsFields, wkb_type, crs, fast: bool = True):
        sink, dest = algorithm.parameterAsSink(parameters, key, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(algorithm.invalidSinkError(parameters, key))
        path = fast_output_path(parameters, key, context) if fast else None
        if (path is not None and not QgsWkbTypes.hasZ(wkb_type) and not QgsWkbTypes.hasM(wkb_type)
                and not QgsWkbTypes.isCurvedType(wkb_type) and wkb_type != QgsWkbTypes.Type.Unknown
                and all(f.type() in _PLAIN_QVARIANTS for f in fields)):
            del sink  # QGIS closes the new, empty GeoPackage: the schema is Processing's own
            try:
                return GpkgWriter(path, fields, wkb_type), dest
            except (sqlite3.Error, ValueError, TypeError):
                sink, dest = algorithm.parameterAsSink(parameters, key, context, fields, wkb_type, crs)
                if sink is None:
                    raise QgsProcessingException(algorithm.invalidSinkError(parameters, key)) from None
        return SinkWriter(sink, fields, key), dest

