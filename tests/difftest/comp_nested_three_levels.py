from typing import List


def main() -> List[List[List[int]]]:
    cube = [[[i * 100 + j * 10 + k for k in range(2)] for j in range(3)] for i in range(2)]
    print(cube)
    flat = [v for plane in cube for row in plane for v in row if v % 2 == 0]
    print(flat)
    sums = {i: sum(v for row in plane for v in row) for i, plane in enumerate(cube)}
    print(sums)
    return cube
