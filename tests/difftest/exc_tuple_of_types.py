from typing import List


def main() -> int:
    caught = 0
    for s in ["1", "a", "0"]:
        try:
            v = 10 // int(s)
            print("value", v)
        except (ValueError, ZeroDivisionError) as e:
            caught += 1
            print("caught", e)
    return caught
