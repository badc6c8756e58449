"""Sample-district generator of CIM Twin (used by scripts/make_sample_district.py).

Modules: ``vocab`` (word pools), ``codes`` (credit codes, numerals), ``layout``
(lattice, admin units, roads, buildings, facilities), ``population`` (rooms,
households, persons, enterprises), ``sources`` (noisy government tables and
truth), ``output`` (GeoPackage and DEM writers), ``readme`` (README texts).
"""
