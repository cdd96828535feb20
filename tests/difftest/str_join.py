from typing import List


def main() -> str:
    words: List[str] = ["alpha", "βeta", "γ", "", "😀"]
    print(", ".join(words))
    print("".join(words))
    print("→".join(["a", "b", "c"]))
    print("-".join([]))
    print("-".join(["solo"]))
    print(" ".join(w.upper() for w in words if w))
    print("|".join(str(i * i) for i in range(6)))
    print(", ".join(sorted(["b", "a", "c"])))
    print("ab".join("xyz"))
    return "::".join(words)
