from typing import Any, Dict, List


def main() -> None:
    xs: List[Any] = [3, 1, 2]
    y: Any = xs
    y.sort()
    print(xs)
    y.sort(reverse=True)
    print(xs)
    y.sort(key=lambda v: (v % 2, v))
    print(xs)
    words: Any = ["bb", "a", "ccc"]
    words.sort(key=len)
    print(words)
    s: Any = {1}
    s.update([2], (3, 4), {5})
    print(sorted(s), sorted(s.union([9], [8])), sorted(s.intersection([1, 2, 9], [2, 1])))
    d: Dict[str, Any] = {"k": [2, 1]}
    d["k"].sort()
    d["k"].append(0)
    print(d)
    t: Any = "a b  c"
    print(t.split(), t.split(" ", 1), t.split(maxsplit=1), t.replace(" ", "-", 2))
    try:
        y.sort(1)
    except TypeError as e:
        print("TypeError", e)
