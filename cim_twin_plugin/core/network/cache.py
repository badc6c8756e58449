"""Built networks kept per layer + settings while QGIS runs, and saved next to a layer on request."""
from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import asdict, fields
from pathlib import Path

import numpy as np

from .model import NetworkSettings, Problem, RoadNetwork

_ARRAYS = ("node_xy", "link_u", "link_v", "link_fwd", "link_bwd", "link_off", "xy", "cum_len", "cum_time",
           "seg_edge", "seg_speed", "edge_feature", "component")


class NetworkCache:
    """A small LRU cache of built networks keyed by a fingerprint of the input and settings."""

    def __init__(self, size: int = 4):
        self.size = size
        self._items: OrderedDict[str, RoadNetwork] = OrderedDict()

    def get(self, key: str) -> RoadNetwork | None:
        network = self._items.get(key)
        if network is not None:
            self._items.move_to_end(key)
        return network

    def put(self, key: str, network: RoadNetwork) -> None:
        self._items[key] = network
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()


#: the cache shared by every algorithm run in this process
CACHE = NetworkCache()


def save_network(network: RoadNetwork, path: Path, key: str) -> None:
    """Write a built network to *path* (.npz) with its cache key."""
    meta = {
        "key": key,
        "crs_wkt": network.crs_wkt,
        "layer_crs_wkt": network.layer_crs_wkt,
        "settings": asdict(network.settings),
        "problems": [asdict(p) for p in network.problems],
        "input_parts": network.input_parts,
    }
    arrays = {name: getattr(network, name) for name in _ARRAYS}
    with open(path, "wb") as handle:
        np.savez_compressed(handle, meta=np.array(json.dumps(meta)), **arrays)


def load_network(path: Path, key: str | None = None) -> RoadNetwork | None:
    """Read a network written by :func:`save_network`; None if missing or built from other input."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            if key is not None and meta.get("key") != key:
                return None
            arrays = {name: data[name] for name in _ARRAYS}
    except (OSError, ValueError, KeyError):
        return None
    settings = meta["settings"]
    if settings.get("ellipsoid") is not None:
        settings["ellipsoid"] = tuple(settings["ellipsoid"])
    names = {f.name for f in fields(NetworkSettings)}
    return RoadNetwork(
        crs_wkt=meta["crs_wkt"],
        layer_crs_wkt=meta["layer_crs_wkt"],
        settings=NetworkSettings(**{k: v for k, v in settings.items() if k in names}),
        problems=[Problem(**p) for p in meta["problems"]],
        input_parts=meta["input_parts"],
        **arrays,
    )
