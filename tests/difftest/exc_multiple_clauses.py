from typing import Dict, List


def risky(kind: int) -> int:
    xs: List[int] = [1, 2, 3]
    d: Dict[str, int] = {"a": 1}
    if kind == 0:
        return xs[10]
    if kind == 1:
        return d["zz"]
    if kind == 2:
        return 1 // (kind - 2)
    if kind == 3:
        return int("x3")
    return kind


def main() -> List[str]:
    out: List[str] = []
    for k in range(5):
        try:
            r = risky(k)
            out.append("ok " + str(r))
        except IndexError as e:
            out.append("IndexError " + str(e))
        except KeyError as e:
            out.append("KeyError " + str(e))
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError " + str(e))
        except ValueError as e:
            out.append("ValueError " + str(e))
    for o in out:
        print(o)
    return out
