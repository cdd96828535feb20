from typing import List


def main() -> List[bytes]:
    b = b"  a,b,,c  \n"
    print(b.strip(), b.lstrip(), b.rstrip())
    print(b.strip().split(b","), b.strip().split(b",", 1), b.strip().rsplit(b",", 1))
    print(b"  x  y\tz\n".split(), b"a b c".split(None, 1), b"a b c".rsplit(None, 1))
    print(b"xxhixx".strip(b"x"), b"..a..".lstrip(b"."), b"..a..".rstrip(b"."))
    print(b"l1\nl2\r\nl3\r".splitlines(), b"l1\nl2\r\n".splitlines(True))
    print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"kvw".partition(b"="))
    return b"a-b-c".split(b"-")
