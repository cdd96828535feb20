from typing import List, Tuple


def main() -> List[bool]:
    bs: List[bool] = [True, False, True, False, False]
    print(sorted(bs), max(bs), min(bs), sum(bs), bs.count(True))
    print(True > False, False < 1, True == 1.0, [True] == [1])
    pairs: List[Tuple[bool, str]] = [(True, "b"), (False, "z"), (True, "a")]
    print(sorted(pairs))
    print(str(True) + "!", repr(False), f"{True}", "%s" % False)
    return sorted(bs, reverse=True)
