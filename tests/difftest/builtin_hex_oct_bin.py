from typing import List


def main() -> List[str]:
    vals: List[int] = [0, 1, 7, 8, 15, 16, 255, 256, -1, -255, 2 ** 40, 9223372036854775807, -9223372036854775807]
    out: List[str] = []
    for v in vals:
        out.append(hex(v) + " " + oct(v) + " " + bin(v))
    for o in out:
        print(o)
    print(int("ff", 16), int("0o17", 8), int("0b101", 2), int("z", 36), int("0x1F", 16), int("777", 8))
    return out
