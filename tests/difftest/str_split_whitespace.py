from typing import List


def main() -> List[str]:
    s = "  the quick\tbrown\n\nfox\u3000jumps\u00a0over  "
    print(s.split())
    print(s.split(None, 2))
    print(s.rsplit(None, 2))
    print("".split(), "   ".split(), " a ".split())
    print("a\x1cb\x1dc\x85d".split())
    print(s.split(maxsplit=1))
    return s.split()
