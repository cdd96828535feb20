from typing import List


def main() -> List[str]:
    words: List[str] = ["banana", "Apple", "apple", "Äpfel", "zebra", "Zebra", "éclair", "eclair", "", "10", "9", "😀", "中"]
    out = sorted(words)
    print(out)
    print("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "" < "a")
    print("é" > "z", "Z" < "a", "😀" > "中")
    print(max(words), min(words))
    print(sorted(words, reverse=True)[:3])
    return out
