from typing import List, Dict

def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

class Text2Ids:
    vocab: Dict[str, int]
    unk: int

    def __init__(self, words: List[str]) -> None:
        self.vocab = {}
        for i, w in enumerate(words):
            self.vocab[w] = i
        self.unk = len(words)

    def __call__(self, words: List[str]) -> List[int]:
        return [self.vocab.get(w, self.unk) for w in words]

def main() -> str:
    t = Text2Ids(["hello", "world"])
    ids = t("hello world unknown".split())
    print(ids, fib(10), f"{3.14159:.2f}", 0.1 + 0.2)
    try:
        x = int("x")
    except ValueError as e:
        print("caught", e)
    return "done"
