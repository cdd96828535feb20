from typing import Dict


def main() -> Dict[str, int]:
    text = "Hello World 123 ÄÖÜ äöü ß 日本 😀 !? \t"
    stats: Dict[str, int] = {"upper": 0, "lower": 0, "digit": 0, "space": 0, "alpha": 0, "other": 0}
    for c in text:
        if c.isupper():
            stats["upper"] += 1
        if c.islower():
            stats["lower"] += 1
        if c.isdigit():
            stats["digit"] += 1
        if c.isspace():
            stats["space"] += 1
        if c.isalpha():
            stats["alpha"] += 1
        if not (c.isalnum() or c.isspace()):
            stats["other"] += 1
    print(stats)
    return stats
