from typing import Dict, List, Optional


def main() -> str:
    d: Dict[str, Optional[List[float]]] = {"a": [1.0, 2.5], "b": None, "it's": [], "é": [-0.0]}
    print(d)
    print(repr(d), str(d) == repr(d))
    e: Dict[int, Dict[str, bool]] = {1: {"t": True}, 2: {}}
    print(e)
    return repr(d)
