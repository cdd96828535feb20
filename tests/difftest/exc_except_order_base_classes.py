from typing import List


def classify(e_kind: int) -> str:
    try:
        if e_kind == 0:
            raise KeyError("k")
        if e_kind == 1:
            raise IndexError("i")
        if e_kind == 2:
            raise ValueError("v")
        return "none"
    except LookupError as e:
        return "lookup " + str(e)
    except Exception as e:
        return "other " + str(e)


def main() -> List[str]:
    out = [classify(k) for k in range(4)]
    print(out)
    return out
