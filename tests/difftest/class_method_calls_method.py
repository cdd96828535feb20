from typing import List


class Tokenizer:
    lowercase: bool
    stop: List[str]

    def __init__(self, lowercase: bool, stop: List[str]) -> None:
        self.lowercase = lowercase
        self.stop = stop

    def normalize(self, w: str) -> str:
        w = w.strip(".,!?")
        return w.lower() if self.lowercase else w

    def tokenize(self, text: str) -> List[str]:
        out: List[str] = []
        for raw in text.split():
            w = self.normalize(raw)
            if w and w not in self.stop:
                out.append(w)
        return out


def main() -> List[str]:
    t = Tokenizer(True, ["the", "a"])
    print(t.tokenize("The cat sat on a Mat!"))
    u = Tokenizer(False, [])
    print(u.tokenize("Hello, World. Ünïcödé?"))
    return t.tokenize("A Dog, the DOG, a dog.")
