from typing import List


def main() -> List[int]:
    samples: List[str] = ["123", "١٢٣", "१२३", "²³", "½", "Ⅷ", "三", "12a", "", "-1", "1.5", "٣", "𝟗"]
    for s in samples:
        print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric())
    ints: List[int] = []
    for s in samples:
        if s.isdecimal():
            ints.append(int(s))
    print(ints)
    return ints
