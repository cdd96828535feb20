from typing import List, Tuple


def rle(s: str) -> List[Tuple[str, int]]:
    out: List[Tuple[str, int]] = []
    for ch in s:
        if out and out[-1][0] == ch:
            last = out.pop()
            out.append((ch, last[1] + 1))
        else:
            out.append((ch, 1))
    return out


def expand(pairs: List[Tuple[str, int]]) -> str:
    return "".join(c * n for c, n in pairs)


def main() -> str:
    s = "aaabccddddé😀😀e"
    enc = rle(s)
    print(enc)
    print("".join(f"{n}{c}" for c, n in enc))
    print(expand(enc) == s)
    return expand(enc)
