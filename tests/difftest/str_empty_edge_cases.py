def main() -> str:
    e = ""
    print(repr(e.upper()), repr(e.strip()), e.split(), e.split(","), e.splitlines())
    print(e.find(""), e.rfind(""), e.count(""), e.count("a"), e.startswith(""), e.endswith(""))
    print(repr(e.center(3)), repr(e.zfill(2)), repr(e.title()), repr(e.capitalize()))
    print(e.isalpha(), e.isdigit(), e.isspace(), e.isascii(), e.isprintable(), e.isidentifier())
    print(e.partition("x"), repr(e * 5), repr(e[::-1]), repr(e[0:0]), len(e))
    print(repr(e.join(["a", "b"])), repr(e.replace("", "x")))
    return e
