"""The query graph: the network's junctions plus one node per attachment point.

All points of a run (origins, destinations, facilities) are inserted at once:
a link carrying attachment points is cut into pieces between them, as QGIS's
native tools cut edges at tie points. Dijkstra runs on a CSR matrix with
scipy.sparse.csgraph (compiled; one call answers many sources).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import RoadNetwork
from .snap import Snapped

COSTS = ("length", "time")


@dataclass
class QueryGraph:
    """Pieces of links between nodes, and the CSR matrices Dijkstra runs on."""

    network: RoadNetwork
    cost: str
    """'length' (metres) or 'time' (seconds)"""
    n_nodes: int
    """junctions + attachment nodes"""
    node_xy: np.ndarray
    """(n_nodes, 2) coordinates in the working CRS"""
    piece_link: np.ndarray
    piece_lo: np.ndarray
    """metres along the link where the piece starts"""
    piece_hi: np.ndarray
    piece_a: np.ndarray
    """node at piece_lo"""
    piece_b: np.ndarray
    """node at piece_hi"""
    piece_len: np.ndarray
    piece_time: np.ndarray
    piece_t_lo: np.ndarray
    """seconds from the link start to piece_lo (piece_hi: + piece_time)"""
    piece_fwd: np.ndarray
    """bool: travel piece_a -> piece_b allowed (the link's direction)"""
    piece_bwd: np.ndarray
    """bool: travel piece_b -> piece_a allowed"""
    arc_from: np.ndarray
    """arcs kept in the matrix (cheapest of parallel arcs, no loops)"""
    arc_to: np.ndarray
    arc_piece: np.ndarray
    arc_reverse: np.ndarray
    """bool: the arc runs from piece_hi to piece_lo"""
    matrix: object
    """scipy CSR matrix of arc costs"""
    _keys: np.ndarray = None
    _transposed: object = None

    def transposed(self):
        """The matrix with every arc reversed (distances *to* a node)."""
        if self._transposed is None:
            self._transposed = self.matrix.T.tocsr()
        return self._transposed

    def arc_between(self, frm: np.ndarray, to: np.ndarray) -> np.ndarray:
        """Index of the arc from *frm* to *to* (the arrays must name existing arcs)."""
        if self._keys is None:
            self._keys = self.arc_from * self.n_nodes + self.arc_to
            order = np.argsort(self._keys)
            self._order = order
            self._keys = self._keys[order]
        where = np.searchsorted(self._keys, np.asarray(frm) * self.n_nodes + np.asarray(to))
        return self._order[where]


def build_query_graph(network: RoadNetwork, snapped: list[Snapped], cost: str = "length"):
    """Insert the attached points of every :class:`Snapped` into the network.

    Returns the :class:`QueryGraph` and, for each input, the node of every point
    (-1 for rejected points). Points at the same place share a node; a point at a
    link end uses the junction.
    """
    from scipy.sparse import csr_matrix

    if cost not in COSTS:
        raise ValueError(f"cost must be one of {COSTS}, not {cost!r}")
    n_links = network.n_links
    lens = network.link_len
    links = np.concatenate([s.link[s.ok] for s in snapped]) if snapped else np.zeros(0, np.int64)
    poss = np.concatenate([s.pos[s.ok] for s in snapped]) if snapped else np.zeros(0)
    xys = np.concatenate([s.snap_xy[s.ok] for s in snapped]) if snapped else np.zeros((0, 2))
    at_u = poss <= 0.0
    at_v = poss >= lens[links]
    inner = ~(at_u | at_v)
    point_node = np.empty(len(links), np.int64)
    point_node[at_u] = network.link_u[links[at_u]]
    point_node[at_v] = network.link_v[links[at_v]]
    # unique inner attachment places -> new nodes
    il, ip = links[inner], poss[inner]
    keys = np.column_stack([il, ip])
    uniq, first, inv = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    n0 = network.n_nodes
    point_node[inner] = n0 + inv.ravel()
    extra_xy = xys[inner][first] if len(first) else np.zeros((0, 2))
    n_nodes = n0 + len(uniq)
    node_xy = np.concatenate([network.node_xy, extra_xy])

    # pieces: links without inner points whole; others cut at the sorted positions
    u_link = uniq[:, 0].astype(np.int64) if len(uniq) else np.zeros(0, np.int64)
    u_pos = uniq[:, 1] if len(uniq) else np.zeros(0)
    has = np.zeros(n_links, bool)
    has[u_link] = True
    plain = np.nonzero(~has)[0]
    # for cut links: breakpoints = 0, positions..., len (uniq is sorted by link, then position)
    count = np.bincount(u_link, minlength=n_links)[has]
    cut_links = np.nonzero(has)[0]
    n_pieces_cut = count + 1
    p_link = np.repeat(cut_links, n_pieces_cut)
    starts = np.cumsum(n_pieces_cut) - n_pieces_cut
    idx_in = np.arange(n_pieces_cut.sum()) - np.repeat(starts, n_pieces_cut)
    # position arrays per cut link: [0, p1..pk] as lo and [p1..pk, len] as hi
    ext_lo = np.zeros(len(p_link))
    ext_hi = np.empty(len(p_link))
    node_lo = np.empty(len(p_link), np.int64)
    node_hi = np.empty(len(p_link), np.int64)
    first_piece = idx_in == 0
    last_piece = idx_in == np.repeat(count, n_pieces_cut)
    # the k-th inner point of a link is uniq row (offset of link) + k
    link_first_row = np.cumsum(count) - count
    row_lo = np.repeat(link_first_row, n_pieces_cut) + idx_in - 1
    row_hi = row_lo + 1
    ext_lo[~first_piece] = u_pos[row_lo[~first_piece]]
    node_lo[~first_piece] = n0 + row_lo[~first_piece]
    node_lo[first_piece] = network.link_u[p_link[first_piece]]
    ext_hi[~last_piece] = u_pos[row_hi[~last_piece]]
    node_hi[~last_piece] = n0 + row_hi[~last_piece]
    ext_hi[last_piece] = lens[p_link[last_piece]]
    node_hi[last_piece] = network.link_v[p_link[last_piece]]

    piece_link = np.concatenate([plain, p_link])
    piece_lo = np.concatenate([np.zeros(len(plain)), ext_lo])
    piece_hi = np.concatenate([lens[plain], ext_hi])
    piece_a = np.concatenate([network.link_u[plain], node_lo])
    piece_b = np.concatenate([network.link_v[plain], node_hi])
    piece_len = piece_hi - piece_lo
    piece_t_lo = time_at(network, piece_link, piece_lo)
    piece_time = time_at(network, piece_link, piece_hi) - piece_t_lo
    piece_cost = piece_len if cost == "length" else piece_time

    fwd = network.link_fwd[piece_link]
    bwd = network.link_bwd[piece_link]
    pf, pb = np.nonzero(fwd)[0], np.nonzero(bwd)[0]
    arc_from = np.concatenate([piece_a[pf], piece_b[pb]])
    arc_to = np.concatenate([piece_b[pf], piece_a[pb]])
    arc_piece = np.concatenate([pf, pb])
    arc_reverse = np.concatenate([np.zeros(len(pf), bool), np.ones(len(pb), bool)])
    arc_cost = piece_cost[arc_piece]
    keep = arc_from != arc_to
    arc_from, arc_to, arc_piece, arc_reverse, arc_cost = (
        arc_from[keep], arc_to[keep], arc_piece[keep], arc_reverse[keep], arc_cost[keep])
    # cheapest of parallel arcs (a CSR matrix would add them up)
    order = np.lexsort((arc_cost, arc_to, arc_from))
    pair = arc_from[order] * n_nodes + arc_to[order]
    first_of_pair = np.concatenate([[True], pair[1:] != pair[:-1]]) if len(pair) else np.zeros(0, bool)
    sel = order[first_of_pair]
    arc_from, arc_to, arc_piece, arc_reverse, arc_cost = (
        arc_from[sel], arc_to[sel], arc_piece[sel], arc_reverse[sel], arc_cost[sel])
    matrix = csr_matrix((arc_cost, (arc_from, arc_to)), shape=(n_nodes, n_nodes))
    graph = QueryGraph(network, cost, n_nodes, node_xy, piece_link, piece_lo, piece_hi, piece_a, piece_b,
                       piece_len, piece_time, piece_t_lo, fwd, bwd, arc_from, arc_to, arc_piece, arc_reverse, matrix)
    nodes, start = [], 0
    for s in snapped:
        out = np.full(len(s.ok), -1, np.int64)
        k = int(s.ok.sum())
        out[s.ok] = point_node[start:start + k]
        start += k
        nodes.append(out)
    return graph, nodes


def time_at(network: RoadNetwork, links: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Seconds from the link start to position *pos* (metres) on each link (vectorised)."""
    glen, gtime, len_base, time_base = _axes(network)
    return np.interp(len_base[links] + pos, glen, gtime) - time_base[links]


def pos_at_time(network: RoadNetwork, links: np.ndarray, seconds: np.ndarray) -> np.ndarray:
    """Position (metres) reached on each link *seconds* after its start (inverse of time_at)."""
    glen, gtime, len_base, time_base = _axes(network)
    return np.interp(time_base[links] + seconds, gtime, glen) - len_base[links]


def _axes(network: RoadNetwork):
    cached = getattr(network, "_axes_cache", None)
    if cached is None:
        cached = network.global_axes()
        network._axes_cache = cached
    return cached


def link_coords(network: RoadNetwork, link: int, lo: float, hi: float, xy_lo, xy_hi) -> np.ndarray:
    """Coordinates (working CRS) of *link* between positions *lo* < *hi* metres, which lie at the
    nodes *xy_lo* and *xy_hi* of the query graph: those two and the link's vertices between them."""
    a, b = network.link_off[link], network.link_off[link + 1]
    cl = network.cum_len[a:b]
    xy = network.xy[a:b]
    inside = (cl > lo) & (cl < hi)
    return np.vstack([xy_lo, xy[inside], xy_hi])
