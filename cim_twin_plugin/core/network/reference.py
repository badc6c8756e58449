"""networkx views of a network, for modelling and as the reference the fast path is tested against."""
from __future__ import annotations

from .graph import QueryGraph


def to_networkx(graph: QueryGraph):
    """A networkx MultiDiGraph with one arc per allowed travel direction of every piece.

    Arc attributes: ``length`` (m), ``time`` (s), ``piece`` and ``link``. Nodes carry
    ``x``, ``y`` (working CRS). Parallel arcs and loops are kept (networkx's Dijkstra
    takes the cheapest).
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    for node, (x, y) in enumerate(graph.node_xy.tolist()):
        g.add_node(node, x=x, y=y)
    fwd, bwd = graph.piece_fwd, graph.piece_bwd
    for p in range(len(graph.piece_link)):
        attrs = {"length": float(graph.piece_len[p]), "time": float(graph.piece_time[p]),
                 "piece": p, "link": int(graph.piece_link[p])}
        a, b = int(graph.piece_a[p]), int(graph.piece_b[p])
        if fwd[p]:
            g.add_edge(a, b, **attrs)
        if bwd[p]:
            g.add_edge(b, a, **attrs)
    return g
