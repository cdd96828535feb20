from typing import Dict, List


def main() -> Dict[str, int]:
    d: Dict[str, int] = {"a": 1, "b": 2, "c": 3}
    del d["b"]
    xs: List[int] = [1, 2, 3, 4, 5]
    del xs[1], xs[2]
    print(d, xs)
    nested: Dict[str, List[int]] = {"k": [1, 2, 3]}
    del nested["k"][0]
    print(nested)
    return d
