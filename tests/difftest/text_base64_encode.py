def b64encode(data: bytes) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = 0
        for b in chunk:
            n = (n << 8) | b
        n <<= 8 * (3 - len(chunk))
        for j in range(4):
            if j <= len(chunk):
                out.append(alphabet[(n >> (18 - 6 * j)) & 63])
            else:
                out.append("=")
    return "".join(out)


def main() -> str:
    for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "héllo 😀"]:
        print(repr(s), b64encode(s.encode()))
    return b64encode(b"\x00\xff\xfe matx")
