"""The layer categories of a city twin (数字孪生城市图层分类), in Chinese and English.

The digital-twin-city capability framework groups a twin's layers into
terrain, roads, buildings, green, water; population, industry, urban
components and public-service facilities; our own results form one more
category. The CIM panel shows them in this order, "Open twin" loads layers
into groups by them, and the styles read them.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    """One layer category of the twin."""

    key: str
    """stable id (stored in projects: keep it)"""
    zh: str
    """Chinese name"""
    en: str
    """English name"""
    doc: str
    """what belongs here"""
    words: tuple[str, ...] = ()
    """words in layer names that suggest the category (lower case, Chinese and English)"""

    def name(self, locale: str = "en") -> str:
        """The name in *locale* (``zh...`` -> Chinese, else English)."""
        return self.zh if (locale or "").lower().startswith("zh") else self.en


CATEGORIES = (
    Category("terrain", "地形", "Terrain", "DEM, DSM, slope, hillshade",
             ("dem", "dsm", "terrain", "elevation", "slope", "地形", "高程")),
    Category("admin", "行政区划", "Administrative units", "province > city > district > street > community > grid",
             ("admin", "boundary", "district", "community", "street", "行政", "社区", "街道", "网格")),
    Category("roads", "道路", "Roads", "road centre lines and the network built from them",
             ("road", "street_line", "network", "osm_roads", "道路", "路网")),
    Category("buildings", "建筑", "Buildings", "building footprints with address, floors and height",
             ("building", "footprint", "house", "建筑", "房屋", "楼栋")),
    Category("green", "绿地", "Green", "parks, green space, trees",
             ("green", "park", "tree", "forest", "绿地", "公园")),
    Category("water", "水系", "Water", "rivers, lakes, canals",
             ("water", "river", "lake", "canal", "水系", "河流", "湖")),
    Category("population", "人口", "Population", "households, persons' aggregates, relations (personal data)",
             ("household", "person", "population", "resident", "人口", "户", "居民")),
    Category("industry", "产业", "Industry", "enterprises and workplaces",
             ("enterprise", "company", "industry", "poi_company", "企业", "产业")),
    Category("components", "城市部件", "Urban components", "lamp posts, manholes, hydrants (部件)",
             ("component", "manhole", "lamp", "hydrant", "部件", "井盖", "路灯")),
    Category("facilities", "公共服务设施", "Public-service facilities",
             "schools, kindergartens, health stations, elderly care, community centres",
             ("facilit", "school", "kindergarten", "hospital", "clinic", "elderly", "设施", "学校", "幼儿园", "医院")),
    Category("results", "分析成果", "Analysis results", "what CIM Twin's algorithms wrote",
             ("viewshed", "service_area", "od_matrix", "route", "result", "分析", "结果")),
)

_BY_KEY = {c.key: c for c in CATEGORIES}


def category(key: str) -> Category:
    """The category with *key* (KeyError names the known keys)."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown category {key!r}; known: {', '.join(_BY_KEY)}") from None


def guess_from_name(name: str) -> Category | None:
    """The category a layer name suggests, or None (first match in :data:`CATEGORIES` order wins)."""
    text = (name or "").lower()
    for cat in CATEGORIES:
        if any(word in text for word in cat.words):
            return cat
    return None
