"""Connected parts of a network, so that a planner sees the gaps: how many, how long, which points sit
on a small isolated part (their costs and catchments are not those of the city's network)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import RoadNetwork

SMALL_SHARE = 0.05
"""a part holding less than this share of the network's length is 'isolated'"""


@dataclass
class Components:
    """The weakly connected parts of a network, numbered from the longest (0) down."""

    link_part: np.ndarray
    """part of every link"""
    length: np.ndarray
    """metres of road in every part"""
    links: np.ndarray
    """links in every part"""

    @property
    def count(self) -> int:
        return len(self.length)

    @property
    def total(self) -> float:
        return float(self.length.sum())

    @property
    def largest_share(self) -> float:
        return float(self.length[0] / self.total) if self.count and self.total > 0 else 0.0

    def small(self, share: float = SMALL_SHARE) -> np.ndarray:
        """bool per part: holds less than *share* of the length"""
        return self.length < share * self.total


def components(network: RoadNetwork) -> Components:
    """The network's connected parts by length (the largest first)."""
    lengths = network.link_len
    comp = network.component[network.link_u]
    n = int(comp.max()) + 1 if len(comp) else 0
    length = np.bincount(comp, weights=lengths, minlength=n)
    links = np.bincount(comp, minlength=n)
    order = np.lexsort((np.arange(n), -length))
    rank = np.empty(n, np.int64)
    rank[order] = np.arange(n)
    return Components(rank[comp], length[order], links[order])


def point_parts(network: RoadNetwork, parts: Components, link: np.ndarray) -> np.ndarray:
    """Part of every attached point (its link; -1 where *link* is -1, a point not attached)."""
    link = np.asarray(link, np.int64)
    out = np.full(len(link), -1, np.int64)
    ok = link >= 0
    out[ok] = parts.link_part[link[ok]]
    return out
