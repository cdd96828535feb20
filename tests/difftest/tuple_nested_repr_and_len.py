from typing import List, Tuple


def main() -> Tuple[Tuple[int, str], List[float], bool]:
    t: Tuple[Tuple[int, str], List[float], bool] = ((1, "a"), [0.5, -0.0], False)
    print(t, len(t), t[0][1], t[1][-1])
    t[1].append(2.0)
    print(t)
    u = (t[0],)
    print(u, len(u), u[0] == (1, "a"))
    print(((),), (((1,),),))
    return t
