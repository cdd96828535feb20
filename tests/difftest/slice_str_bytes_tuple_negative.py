def main() -> str:
    s = "Ünïcödé!"
    b = s.encode()
    t = tuple(range(8))
    print(s[::-2], s[-2::-3], s[6:1:-1], s[-100::7])
    print(b[::-2], b[-2::-3], b[6:1:-1])
    print(t[::-2], t[-2::-3], t[6:1:-1], t[1:-1:2])
    lo, hi = 2, -2
    print(s[lo:hi], t[lo:hi], b[lo:hi])
    step = -1
    print(s[::step], t[::step])
    return s[::-1]
