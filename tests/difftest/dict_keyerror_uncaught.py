from typing import Dict


def lookup(table: Dict[str, float], key: str) -> float:
    return table[key]


def main() -> float:
    prices: Dict[str, float] = {"apple": 1.25, "pear": 0.75}
    print(lookup(prices, "apple"))
    print(lookup(prices, "pear"))
    return lookup(prices, "mango")
