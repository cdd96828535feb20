def main() -> bytes:
    b = b"abc"
    print(b.center(9, b"*"), b.ljust(6, b"."), b.rjust(6), b.zfill(6), b"-5".zfill(4))
    print(b"a\tbc\td".expandtabs(4), b"a\tb".expandtabs())
    print(b", ".join([b"x", b"y", b"z"]), b"".join([]))
    print(b"one two one".replace(b"one", b"1"), b"aaa".replace(b"a", b"b", 2))
    print(b"test_x.py".removeprefix(b"test_"), b"test_x.py".removesuffix(b".py"))
    print(b"\x00\xff\x10".hex(), b"".hex(), b"matx".hex())
    return b.center(7).replace(b" ", b"_")
