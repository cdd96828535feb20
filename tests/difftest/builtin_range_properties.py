def main() -> int:
    r = range(2, 40, 5)
    print(list(r), len(r), r[0], r[-1], r[2:5], list(r[::-1]))
    print(12 in r, 13 in r, r.index(17), r.count(22))
    print(list(range(-10, -30, -7)), len(range(-10, -30, -7)))
    print(range(5) == range(0, 5), range(0) == range(2, 2))
    return sum(r)
