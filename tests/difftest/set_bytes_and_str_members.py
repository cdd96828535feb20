from typing import List, Set


def main() -> List[bytes]:
    bs: Set[bytes] = {b"b", b"a", b"b"}
    ss: Set[str] = {"ß", "ss", "SS".lower(), "Straße".casefold()[4:6]}
    print(sorted(bs), len(bs))
    print(sorted(ss), len(ss))
    print(b"a" in bs, "ss" in ss)
    bools: Set[bool] = {True, False, True}
    print(sorted(bools), len(bools))
    return sorted(bs)
