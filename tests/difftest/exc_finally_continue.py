from typing import List


def main() -> List[int]:
    out: List[int] = []
    for i in range(6):
        try:
            if i % 2 == 0:
                continue
            out.append(i)
        finally:
            out.append(-i)
    print(out)
    return out
