from typing import Tuple


def main() -> str:
    t: Tuple[int, int] = (1, 2)
    print("%s-%s" % t)
    print("%5s|%-5s|%.3s|" % ("ab", "cd", "abcdef"))
    print("%d%%" % 50, "%i" % 7, "%3d|%-3d|" % (5, 5))
    print("%s %r" % ("é", "é"), "%s" % (None,), "%s" % ((1, 2),))
    print("%06.2f|%+.1e|%G" % (3.14159, 12345.6789, 1e-10))
    print("%x|%#x|%o|%#o" % (255, 255, 8, 8))
    print("%s" % 1.0, "%s" % 1e20, "%s" % -0.0)
    return "%s:%05d" % ("id", 42)
