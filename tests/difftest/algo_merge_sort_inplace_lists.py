from typing import List


def merge_sort(xs: List[str]) -> List[str]:
    if len(xs) < 2:
        return xs[:]
    mid = len(xs) // 2
    a = merge_sort(xs[:mid])
    b = merge_sort(xs[mid:])
    out: List[str] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def main() -> List[str]:
    words = "the quick brown fox jumps over the lazy dog Ünïcode émoji 😀 zebra".split()
    s = merge_sort(words)
    print(s)
    print(s == sorted(words))
    return s
