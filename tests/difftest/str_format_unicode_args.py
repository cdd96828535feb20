def main() -> str:
    name = "Zoë"
    city = "Zürich"
    s = "{} lives in {}; {}!".format(name, city, "😀")
    print(s, len(s))
    print("{0:>6}|{1:<8}|{0:^7}|".format(name, city))
    print("%s/%s" % (name.upper(), city.casefold()))
    print(f"{name.center(9, '*')} {city!r} {len(city.encode())}")
    return s
