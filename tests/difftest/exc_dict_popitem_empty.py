from typing import Dict, Tuple


def main() -> Tuple[str, int]:
    d: Dict[str, int] = {"only": 1}
    print(d.popitem())
    return d.popitem()
