"""The Python-side benchmarks of issues 3 and 17, compiled by matx or run by CPython.

``f`` is the call-overhead benchmark. ``count_words`` and ``make_ids`` only split matx's
Text2Ids time: the conversion of a ``List[str]`` argument alone, and of a ``List[int]``
result alone. ``TextIds`` is the realistic text benchmark: raw text in (one ``str``, or a
list of sentences), split and looked up inside the call, ids out as a list or an NDArray.
"""
from typing import Any, Dict, List

from matx import NDArray


def f(x: int) -> int:
    return x + 1


def count_words(words: List[str]) -> int:
    return len(words)


def make_ids(n: int) -> List[int]:
    return [i % 30000 for i in range(n)]


class TextIds:
    vocab: Dict[str, int]
    unk: int

    def __init__(self, words: List[str]) -> None:
        self.vocab = {}
        for i, w in enumerate(words):
            self.vocab[w] = i
        self.unk = len(words)

    def text(self, text: str) -> List[int]:
        return [self.vocab.get(w, self.unk) for w in text.split()]

    def sentences(self, sentences: List[str]) -> List[int]:
        return [self.vocab.get(w, self.unk) for s in sentences for w in s.split()]

    def text_array(self, text: str) -> NDArray:
        ids: List[Any] = []
        for w in text.split():
            ids.append(self.vocab.get(w, self.unk))
        return NDArray(ids, [len(ids)], "int64")

    def sentences_array(self, sentences: List[str]) -> NDArray:
        ids: List[Any] = []
        for s in sentences:
            for w in s.split():
                ids.append(self.vocab.get(w, self.unk))
        return NDArray(ids, [len(ids)], "int64")
