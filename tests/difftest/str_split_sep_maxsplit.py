from typing import List


def main() -> List[str]:
    s = "a,b,,c,"
    print(s.split(","))
    print(s.split(",", 1), s.split(",", 2), s.split(",", 0), s.split(",", -1))
    print(s.rsplit(",", 1), s.rsplit(",", 2), s.rsplit(","))
    print("".split(","), ",".split(","))
    print("a::b::c".split("::"), "a::b::c".rsplit("::", 1))
    print("α→β→γ".split("→"), "x😀y😀z".split("😀", 1))
    print("aaa".split("a"), "aaa".split("aa"), "aaa".rsplit("aa"))
    return "k1=v1;k2=v2".split(";")
