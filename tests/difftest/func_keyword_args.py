def box(width: int, height: int, fill: str = "#", border: bool = False) -> str:
    rows = []
    for r in range(height):
        if border and (r == 0 or r == height - 1):
            rows.append("+" + "-" * (width - 2) + "+")
        else:
            rows.append(fill * width)
    return "\n".join(rows)


def main() -> str:
    print(box(3, 2))
    print(box(width=4, height=1, fill="*"))
    print(box(height=3, width=5, border=True, fill="."))
    print(box(2, height=2, border=False))
    return box(fill="=", height=1, width=6)
