from typing import List


def normalize(s: str) -> str:
    return " ".join(s.split())


def main() -> List[str]:
    inputs: List[str] = ["  a   b\t\tc \n", "\u3000全角\u3000スペース ", "no-change", "", "\r\n\x0b\x0c"]
    out = [normalize(s) for s in inputs]
    for i, o in zip(inputs, out):
        print(repr(i), "->", repr(o))
    return out
