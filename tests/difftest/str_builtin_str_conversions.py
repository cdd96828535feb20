from typing import List


def main() -> List[str]:
    out: List[str] = [str(5), str(-0.5), str(True), str(None), str(["a", "b"]), str({"k": 1}), str((1, 2)), str(b"x"), str(""), str("é")]
    for o in out:
        print(len(o), o)
    print(repr(out))
    print(str(1.0), str(1e-4), str(123456789012345678))
    return out
