"""Field reads inside loops and comprehensions: read once before the loop where nothing in it can change the field, re-read where something can."""
from typing import Dict, List


class Table:
    vocab: Dict[str, int]
    unk: int
    scale: int
    hits: int

    def __init__(self, words: List[str]) -> None:
        self.vocab = {}
        for i, w in enumerate(words):
            self.vocab[w] = i
        self.unk = len(words)
        self.hits = 0

    def ids(self, words: List[str]) -> List[int]:
        return [self.vocab.get(w, self.unk) for w in words]

    def scaled(self, words: List[str]) -> List[int]:
        # `scale` is never set: an empty loop never reads it, a non-empty one raises.
        return [self.vocab.get(w, 0) * self.scale for w in words]

    def first_error(self, words: List[str]) -> List[int]:
        # int(w) fails on the first word before the unset field is read.
        return [int(w) + self.scale for w in words]

    def counting(self, words: List[str]) -> int:
        # The loop assigns a field: every read sees the latest value.
        for w in words:
            if w in self.vocab:
                self.hits = self.hits + 1
        return self.hits

    def bump(self) -> None:
        self.unk = self.unk + 100

    def with_call(self, words: List[str]) -> List[int]:
        # A method call in the loop may assign the field read after it.
        out: List[int] = []
        for w in words:
            out.append(self.vocab.get(w, self.unk))
            self.bump()
        return out

    def grow(self, words: List[str]) -> List[int]:
        # The dict read once is the same object the loop changes: the change is seen.
        out: List[int] = []
        for w in words:
            if w not in self.vocab:
                self.vocab[w] = len(self.vocab)
            out.append(self.vocab[w])
        return out

    def nested(self, rows: List[List[str]]) -> List[List[int]]:
        return [[self.vocab.get(w, self.unk) for w in row if len(w) > 1] for row in rows]

    def caught(self, words: List[str]) -> List[str]:
        out: List[str] = []
        for w in words:
            try:
                out.append(str(self.vocab[w] + self.scale))
            except KeyError:
                out.append("missing " + w)
            except AttributeError as e:
                out.append("no scale for " + w + ": " + str(e))
        return out


def other(t: Table, u: Table, words: List[str]) -> List[int]:
    # Two parameters, possibly the same object; a rebinding of one of them inside the loop.
    out: List[int] = []
    for w in words:
        out.append(t.vocab.get(w, -1) + u.unk)
        if w == "b":
            t = u
    return out


def main() -> List[str]:
    t = Table(["a", "b", "c"])
    out: List[str] = []
    out.append(str(t.ids(["a", "x", "c", "b"])))
    out.append(str(t.scaled([])))
    try:
        t.scaled(["a"])
    except AttributeError as e:
        out.append("AttributeError: " + str(e))
    try:
        t.first_error(["1x", "2"])
    except ValueError as e:
        out.append("ValueError: " + str(e))
    out.append(str(t.counting(["a", "z", "b", "a"])))
    out.append(str(t.with_call(["a", "q", "r"])))
    out.append(str(t.grow(["a", "new", "new", "other"])))
    out.append(str(t.nested([["a", "bb", "new"], [], ["other", "x"]])))
    out.append(str(t.caught(["a", "zz"])))
    t.scale = 10
    out.append(str(t.caught(["a", "zz"])))
    u = Table(["b", "a"])
    out.append(str(other(t, u, ["a", "b", "a", "c"])))
    out.append(str(other(t, t, ["a", "b"])))
    return out
