from typing import Dict, List


def topo(deps: Dict[str, List[str]]) -> List[str]:
    indeg: Dict[str, int] = {}
    for node, ds in deps.items():
        indeg.setdefault(node, 0)
        for d in ds:
            indeg.setdefault(d, 0)
    for node, ds in deps.items():
        indeg[node] += len(ds)
    ready = sorted(n for n, d in indeg.items() if d == 0)
    order: List[str] = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m, ds in deps.items():
            if n in ds:
                indeg[m] -= 1
                if indeg[m] == 0:
                    ready.append(m)
                    ready.sort()
    return order


def main() -> List[str]:
    deps: Dict[str, List[str]] = {"app": ["lib", "log"], "lib": ["core"], "log": ["core"], "test": ["app"], "core": []}
    order = topo(deps)
    print(order)
    return order
