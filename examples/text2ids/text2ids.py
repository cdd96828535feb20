"""Text2Ids: map words to vocabulary ids, unknown words to the next id."""
from typing import Dict, List


class Text2Ids:
    vocab: Dict[str, int]
    unk: int

    def __init__(self, words: List[str]) -> None:
        self.vocab = {}
        for i, w in enumerate(words):
            self.vocab[w] = i
        self.unk = len(words) - 1

    def __call__(self, words: List[str]) -> List[int]:
        return [self.vocab.get(w, self.unk) for w in words]


def main() -> List[int]:
    t = Text2Ids(["hello", "world", "[UNK]"])
    ids = t("hello world unknown".split())
    print(ids)
    return ids
