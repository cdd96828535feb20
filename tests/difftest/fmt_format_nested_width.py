from typing import List


def main() -> List[str]:
    out: List[str] = []
    for width in [3, 6, 9]:
        out.append("{:>{}}|".format("ab", width))
        out.append("{:^{w}.{p}f}|".format(3.14159, w=width, p=2))
    for o in out:
        print(o)
    print("{0:{1}}|{0:>{1}}|".format("x", 4))
    print(format(3.14159, ".2f"), format(42, "05d"), format("s", ">3"), format(255, "x"))
    return out
