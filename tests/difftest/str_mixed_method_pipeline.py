from typing import List


def slugify(title: str) -> str:
    s = title.strip().lower()
    out = []
    prev_dash = False
    for ch in s:
        if ch.isalnum():
            out.append(ch)
            prev_dash = False
        elif not prev_dash:
            out.append("-")
            prev_dash = True
    return "".join(out).strip("-")


def main() -> List[str]:
    titles: List[str] = ["Hello, World!", "  Ünïcode -- Rocks  ", "C++ & Rust: a tale", "日本語 タイトル", "---", "ALL CAPS"]
    out = [slugify(t) for t in titles]
    for t, s in zip(titles, out):
        print(repr(t), "->", repr(s))
    return out
