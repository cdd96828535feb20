from typing import List


def tokenize(text: str) -> List[str]:
    tokens: List[str] = []
    cur = ""
    for ch in text:
        if ch.isalnum():
            cur += ch.lower()
        else:
            if cur:
                tokens.append(cur)
                cur = ""
            if not ch.isspace():
                tokens.append(ch)
    if cur:
        tokens.append(cur)
    return tokens


def main() -> List[str]:
    toks = tokenize("Hello, World! Ünïcode-text: 日本語 ok?  Don't stop.")
    print(toks)
    print(len(toks))
    return toks
