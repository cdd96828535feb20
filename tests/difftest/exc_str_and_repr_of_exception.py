from typing import List


def main() -> List[str]:
    out: List[str] = []
    try:
        raise ValueError("bad 'value'")
    except ValueError as e:
        out.append(str(e))
        out.append(repr(e))
    try:
        raise KeyError("k")
    except KeyError as e:
        out.append(str(e))
        out.append(repr(e))
    try:
        raise RuntimeError()
    except RuntimeError as e:
        out.append(repr(str(e)))
        out.append(repr(e))
    try:
        {"a": 1}["missing"]
    except KeyError as e:
        out.append(str(e))
    for o in out:
        print(o)
    return out
