from typing import List


def main() -> List[str]:
    out: List[str] = []
    for s in ["42", "-42", "+42", "", "-", "+", "abc", "3.14", "-0.5", "１２", "😀"]:
        out.append(s.zfill(5))
    print(out)
    print("12345".zfill(3), "-1".zfill(1), "x".zfill(-1))
    print(str(-7).zfill(4), str(7).zfill(4))
    return out
