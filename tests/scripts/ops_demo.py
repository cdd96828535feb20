"""Ops from another crate (matx_ops) and from this crate, called from a script."""
from typing import List

from matx_ops.text import Vocabulary, wordpiece_tokenize
from local_ops import Counter, shout, word_count as count_words


def load(path: str) -> Vocabulary:
    return Vocabulary(path, "[UNK]")


def tokenize(vocab: Vocabulary, text: str) -> List[str]:
    pieces: List[str] = []
    for w in text.lower().split():
        pieces.extend(wordpiece_tokenize(vocab, w, "[UNK]", 100))
    return pieces


def encode(vocab: Vocabulary, text: str) -> List[int]:
    return vocab.lookup(tokenize(vocab, text))


def loud(text: str) -> str:
    return shout(text) + " " + str(count_words(text))


def count_twice(c: Counter, n: int) -> int:
    c.add(n)
    return c.add(n)


def token_of(vocab: Vocabulary, i: int) -> str:
    try:
        return vocab.id_to_token(i)
    except IndexError as e:
        return "IndexError: " + str(e)
