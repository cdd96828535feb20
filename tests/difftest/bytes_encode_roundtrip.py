from typing import List


def main() -> List[int]:
    texts: List[str] = ["ASCII", "Grüße", "Ελληνικά", "日本語", "emoji 😀🎉", "i\u0307"]
    lens: List[int] = []
    for t in texts:
        b = t.encode("utf-8")
        back = b.decode("utf-8")
        print(t, len(t), len(b), back == t, b[:4])
        lens.append(len(b))
    return lens
