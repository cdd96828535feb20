from typing import List, Tuple


def total(*nums: int) -> int:
    s = 0
    for n in nums:
        s += n
    return s


def describe(label: str, *items: str) -> str:
    return label + ": " + (", ".join(items) if items else "<none>") + " (" + str(len(items)) + ")"


def first_and_rest(first: int, *rest: int) -> Tuple[int, List[int]]:
    return first, list(rest)


def main() -> int:
    print(total(), total(1), total(1, 2, 3, 4))
    print(describe("fruits", "apple", "pear"))
    print(describe("empty"))
    print(first_and_rest(1, 2, 3), first_and_rest(9))
    check_show()
    return total(10, 20, 30)


def show(*parts: str) -> str:
    print(parts, len(parts), parts[0] if parts else "-", parts[1:])
    return repr(parts)


def check_show() -> None:
    print(show(), show("a"), show("a", "b"))
