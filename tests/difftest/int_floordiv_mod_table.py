from typing import List


def main() -> None:
    nums: List[int] = [-7, -1, 0, 1, 7]
    divs: List[int] = [-3, -1, 2, 3]
    for n in nums:
        row: List[str] = []
        for d in divs:
            row.append(str(n // d) + "," + str(n % d))
        print(n, " ".join(row))
