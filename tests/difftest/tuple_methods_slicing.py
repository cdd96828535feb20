def main() -> int:
    t = (3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5)
    print(t.count(5), t.count(1), t.count(7), t.index(1), t.index(5), t.index(5, 5))
    print(t[2:5], t[::-1], t[::3], t[-3:], t[8:2:-2])
    print(4 in t, 7 in t, len(t), sum(t), max(t), min(t))
    print(sorted(t), tuple(sorted(t)))
    print(tuple([1, 2]), tuple("ab"), tuple(range(3)))
    return t.index(9)
