def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def main() -> int:
    print(depth(100), depth(900))
    try:
        depth(100000)
    except RecursionError as e:
        print("RecursionError", e)
    return depth(500)
