from typing import Dict, List


def main() -> Dict[str, List[str]]:
    shared: List[str] = ["x"]
    d: Dict[str, List[str]] = {"a": shared, "b": shared}
    d["a"].append("y")
    print(d, shared)
    print(d["a"] is d["b"])
    d["b"] = d["b"] + ["z"]
    print(d, shared)
    copy = dict(d)
    copy["a"].append("w")
    print(d["a"], copy is d)
    return d
