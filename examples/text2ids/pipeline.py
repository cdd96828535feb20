"""The Text2Ids pipeline's steps: splitting a text, and a Text2Ids whose vocabulary is a file named in a nested configuration."""
from typing import Any, Dict, List

from matx_ops.text import Vocabulary


def tokenize(text: str) -> List[str]:
    return text.split()


class FileText2Ids:
    vocab: Vocabulary

    def __init__(self, config: Dict[str, Any]) -> None:
        files: List[Any] = config["files"]
        self.vocab = Vocabulary(str(files[0]["vocab"]), str(config["unk"]))

    def __call__(self, words: List[str]) -> List[int]:
        return self.vocab.lookup(words)


class VocabLookup:
    """A class whose constructor takes another compiled object (the vocabulary op)."""

    vocab: Vocabulary

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab

    def __call__(self, words: List[str]) -> List[int]:
        return self.vocab.lookup(words)
