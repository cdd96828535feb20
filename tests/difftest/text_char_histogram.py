from typing import Dict, List, Tuple


def main() -> List[Tuple[str, int]]:
    text = "Mississippi ÜBER über 😀😀"
    hist: Dict[str, int] = {}
    for ch in text.casefold():
        if ch.isspace():
            continue
        hist[ch] = hist.get(ch, 0) + 1
    ranked = sorted(hist.items(), key=lambda kv: (-kv[1], kv[0]))
    for ch, n in ranked:
        print(repr(ch), "#" * n)
    return ranked
