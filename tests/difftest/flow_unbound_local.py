from typing import List

def f(c: bool) -> int:
    if c:
        x = 1
    return x

def g(n: int) -> int:
    for i in range(n):
        pass
    return i

def h() -> int:
    while True:
        y = 5
        if y > 2:
            break
    return y

def main() -> List[int]:
    out = [f(True), g(3), h()]
    print(out)
    try:
        g(0)
    except UnboundLocalError as e:
        print("caught", e)
    return [f(False)]
