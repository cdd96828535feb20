from typing import Dict, List

LIMIT = 5
NAMES: List[str] = ["zero", "one", "two", "three", "four", "five"]
SCALE = 2.5
TABLE: Dict[str, int] = {"a": 1, "b": 2}
GREETING = "hi"


def name_of(n: int) -> str:
    if n > LIMIT:
        return "many"
    return NAMES[n]


def main() -> List[str]:
    print(LIMIT, SCALE * LIMIT, GREETING.upper())
    print(TABLE["b"] * LIMIT)
    return [name_of(i) for i in range(7)]
