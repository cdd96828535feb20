from typing import Dict


def main() -> Dict[str, int]:
    base: Dict[str, int] = {"a": 1, "b": 2}
    extra: Dict[str, int] = {"b": 20, "c": 30}
    merged = dict(base)
    merged.update(extra)
    print(merged, base)
    base.update(base)
    print(base)
    for k in extra:
        base[k] = base.get(k, 0) + extra[k]
    print(base)
    print(merged == {"c": 30, "a": 1, "b": 20}, merged != base)
    return merged
