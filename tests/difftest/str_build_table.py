from typing import List, Tuple


def main() -> str:
    rows: List[Tuple[str, int, float]] = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("durian", 1, 12.0), ("äpfel", 7, 3.333)]
    lines: List[str] = []
    lines.append(f"{'name':<10}{'qty':>5}{'price':>9}")
    for name, qty, price in rows:
        lines.append(f"{name:<10}{qty:>5}{price:>9.2f}")
    total = sum(q * p for _, q, p in rows)
    lines.append(f"{'total':<10}{'':>5}{total:>9.2f}")
    out = "\n".join(lines)
    print(out)
    return out
