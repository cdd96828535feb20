"""examples/text2ids/text2ids.py in MATXScript 1.8.1's dialect.

MATXScript rejects class-level annotations ("Class only support function and slots"): its
fields are declared by annotated assignments in ``__init__``. Otherwise the code is the same.
"""
from typing import Dict, List


class Text2Ids:
    def __init__(self, words: List[str]) -> None:
        self.vocab: Dict[str, int] = {}
        for i, w in enumerate(words):
            self.vocab[w] = i
        self.unk: int = len(words) - 1

    def __call__(self, words: List[str]) -> List[int]:
        return [self.vocab.get(w, self.unk) for w in words]
