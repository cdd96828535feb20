from typing import Dict, List, Tuple


def main() -> Dict[str, Tuple[int, int]]:
    ranges: Dict[str, Tuple[int, int]] = {"low": (0, 10), "mid": (10, 100)}
    ranges["high"] = (100, 1000)
    for name, (lo, hi) in ranges.items():
        print(name, lo, hi, hi - lo)
    spans: List[Tuple[int, int]] = list(ranges.values())
    print(spans, (10, 100) in spans)
    widths = [hi - lo for lo, hi in spans]
    print(widths)
    return ranges
