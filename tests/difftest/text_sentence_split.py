from typing import List


def sentences(text: str) -> List[str]:
    out: List[str] = []
    cur: List[str] = []
    for ch in text:
        cur.append(ch)
        if ch in ".!?。":
            s = "".join(cur).strip()
            if s:
                out.append(s)
            cur = []
    rest = "".join(cur).strip()
    if rest:
        out.append(rest)
    return out


def main() -> List[str]:
    text = "Hello there! How are you? I'm fine.日本語です。Trailing text"
    ss = sentences(text)
    for i, s in enumerate(ss):
        print(i, s)
    return ss
