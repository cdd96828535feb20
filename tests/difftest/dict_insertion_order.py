from typing import Dict


def main() -> Dict[str, int]:
    d: Dict[str, int] = {}
    for w in ["zeta", "alpha", "mid", "beta"]:
        d[w] = len(w)
    print(list(d))
    d["alpha"] = 100
    print(list(d))
    del d["zeta"]
    d["zeta"] = 0
    print(list(d))
    d.pop("mid")
    d["new"] = 1
    print(d)
    return d
