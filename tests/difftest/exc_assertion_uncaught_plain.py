def main() -> int:
    x = 5
    assert x > 0
    print("x positive")
    assert x < 3
    return x
