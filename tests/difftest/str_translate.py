from typing import Dict, Optional


def main() -> str:
    table: Dict[int, Optional[str]] = {ord("a"): "4", ord("e"): "3", ord("ß"): "ss", ord("!"): None, ord("😀"): ":)"}
    s = "leet speak! straße 😀"
    out = s.translate(table)
    print(out)
    print("abc".translate({}))
    rot: Dict[int, Optional[str]] = {}
    for i in range(26):
        rot[ord("a") + i] = chr(ord("a") + (i + 13) % 26)
    print("hello world".translate(rot))
    print("hello world".translate(rot).translate(rot))
    return out
