from typing import List


def main() -> List[str]:
    bad: List[bytes] = [b"\xff", b"abc\x80def", b"\xc3", b"\xc3(", b"\xe6\x97", b"\xed\xa0\x80", b"\xf0\x9f\x98", b"ok\xf8\x88\x80\x80\x80", b"\xc0\xaf"]
    out: List[str] = []
    for b in bad:
        try:
            out.append(b.decode())
        except UnicodeDecodeError as e:
            print(repr(b), "->", e)
            out.append("<" + str(e)[:30] + ">")
        except ValueError as e:
            print("ValueError?", e)
    return out
