from typing import List


def main() -> List[int]:
    raw: List[str] = ["1", "2", "x", "4", "", "6"]
    good: List[int] = []
    bad = 0
    for r in raw:
        try:
            good.append(int(r))
        except ValueError:
            bad += 1
            continue
        finally:
            print("processed", repr(r))
    print(good, bad)
    return good
