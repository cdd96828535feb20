from typing import Dict, List


def parse_csv(text: str) -> List[Dict[str, str]]:
    lines = [l for l in text.strip().splitlines() if l.strip()]
    header = [h.strip() for h in lines[0].split(",")]
    rows: List[Dict[str, str]] = []
    for line in lines[1:]:
        cells = [c.strip() for c in line.split(",")]
        rows.append({h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)})
    return rows


def main() -> List[Dict[str, str]]:
    text = """name, age, city
Ada, 36, London
Grace,85 ,New York

Linus, 54
"""
    rows = parse_csv(text)
    for r in rows:
        print(r)
    ages = [int(r["age"]) for r in rows]
    print(sum(ages) / len(ages))
    return rows
