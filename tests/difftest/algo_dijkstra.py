from typing import Dict, List, Tuple


def dijkstra(graph: Dict[str, List[Tuple[str, int]]], src: str) -> Dict[str, int]:
    dist: Dict[str, int] = {src: 0}
    done: List[str] = []
    while True:
        best = ""
        best_d = -1
        for node, d in dist.items():
            if node not in done and (best_d < 0 or d < best_d):
                best, best_d = node, d
        if best_d < 0:
            break
        done.append(best)
        for nxt, w in graph.get(best, []):
            nd = best_d + w
            if nxt not in dist or nd < dist[nxt]:
                dist[nxt] = nd
    return dist


def main() -> Dict[str, int]:
    g: Dict[str, List[Tuple[str, int]]] = {"a": [("b", 7), ("c", 9), ("f", 14)], "b": [("c", 10), ("d", 15)], "c": [("d", 11), ("f", 2)], "d": [("e", 6)], "f": [("e", 9)]}
    d = dijkstra(g, "a")
    print(d)
    print(sorted(d.items(), key=lambda kv: kv[1]))
    return d
