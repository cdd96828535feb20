from typing import List


def main() -> List[int]:
    out: List[int] = []
    for s in ["42", "-17", "  8  ", "+5", "0", "007", "1_000", "\t-3\n"]:
        out.append(int(s))
    print(out)
    print(int(3.99), int(-3.99), int(True), int(False))
    print(int(1e15))
    return out
