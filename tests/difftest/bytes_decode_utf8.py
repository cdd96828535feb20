def main() -> str:
    data = b"caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80"
    s = data.decode()
    print(s, len(s), len(data))
    print(data.decode("utf-8"), "x".encode().decode())
    print(s.encode() == data)
    print(b"\xc3\x9f".decode(), b"abc".decode("ascii"))
    print(b"".decode() == "")
    return s
