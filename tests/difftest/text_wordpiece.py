from typing import Dict, List


def wordpiece(word: str, vocab: Dict[str, int], unk: str) -> List[str]:
    out: List[str] = []
    start = 0
    while start < len(word):
        end = len(word)
        piece = ""
        while start < end:
            sub = word[start:end]
            if start > 0:
                sub = "##" + sub
            if sub in vocab:
                piece = sub
                break
            end -= 1
        if piece == "":
            return [unk]
        out.append(piece)
        start = end
    return out


def main() -> List[int]:
    vocab: Dict[str, int] = {"[UNK]": 0, "un": 1, "##aff": 2, "##able": 3, "play": 4, "##ing": 5, "##s": 6, "ü": 7, "##ber": 8}
    ids: List[int] = []
    for w in ["unaffable", "playing", "plays", "xyz", "über"]:
        pieces = wordpiece(w, vocab, "[UNK]")
        print(w, pieces)
        ids.extend(vocab[p] for p in pieces)
    return ids
