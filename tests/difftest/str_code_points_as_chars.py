from typing import Dict, List


def classify(text: str) -> List[str]:
    out: List[str] = []
    for ch in text:
        if ch == " ":
            out.append("space")
        elif ch in "aeioué":
            out.append("vowel:" + ch)
        elif ch == "" or ch == "ab":
            out.append("never")
        else:
            out.append(ch.upper())
    return out


def pairs(s: str) -> int:
    n = 0
    c = "x"
    for i in range(1, len(s)):
        c = s[i]
        if c == s[i - 1]:
            n += 1
        if s[-i] == c:
            n += 10
        if s[i] != "b" and "b" != s[i - 1]:
            n += 100
    print(c, repr(c), c * 3, f"<{c}>", len(c), c.isalpha())
    return n


def index_error(s: str) -> str:
    try:
        c = s[len(s)]
        return c
    except IndexError as e:
        return "IndexError: " + str(e)


def reassigned(text: str) -> str:
    out = ""
    for ch in text:
        text = "zz"
        out += ch
    return out + text


def keyed(s: str) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for i in range(len(s)):
        c = s[i]
        counts[c] = counts.get(c, 0) + 1
    kept = [c for c in s if c != "a"]
    get = lambda: s[0]
    print(kept, get())
    return counts


def bounds() -> List[int]:
    out: List[int] = []
    big = 9223372036854775807
    for i in range(big - 3, big):
        out.append(i - 1)
        out.append(i + 1 - big)
    for k in range(5, 0, -1):
        out.append(k - 1)
        out.append(k + 1)
    for j in range(-3, 3, 2):
        out.append(j - 5)
        out.append(1 + j)
    for m in range(3):
        m = m + 100
        out.append(m + 1)
    return out


def main() -> int:
    print(classify("héllo wörld ab"))
    print(pairs("aabbccbaa"), pairs("ünïcödé ü"), pairs(""))
    print(index_error("abc"), index_error(""), index_error("日本"))
    print(reassigned("héllo"))
    print(keyed("abracadabra é"))
    print(bounds())
    s = "abc"
    t = "ab" + "c"
    long = "a fairly long string that is not inline at all" * 2
    print(s == t, s != t, "b" in s, "bc" in s, "" in s, "x" in s, s == "abc", "abc" == s)
    print(long == long + "", "inline" in long, long[5] == "r", long[-1] in "xyz", long[3] in "fairly")
    return 0
