def main() -> bool:
    t = True
    f = False
    print(t, f, repr(t), str(f))
    print(t and f, t or f, not t, not f)
    print(t + t, t * 10, f - 1, t / 2)
    print(int(t), float(f), str(t).upper())
    print(t == 1, f == 0, t is True)
    print(bool(1), bool(0), bool(""), bool("x"), bool([]), bool([0]))
    print(t & f, t | f, t ^ t)
    print(sum([True, True, False, True]))
    return t and not f
