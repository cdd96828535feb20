from typing import Tuple


def main() -> Tuple[str, str, str]:
    s = "key=value=more"
    print(s.partition("="))
    print(s.rpartition("="))
    print(s.partition("::"))
    print(s.rpartition("::"))
    print("a→b→c".partition("→"), "a→b→c".rpartition("→"))
    print("".partition("x"), "xx".partition("x"), "xx".rpartition("x"))
    head, sep, tail = "user@example.com".partition("@")
    print(head, sep, tail)
    return "日本語".partition("本")
