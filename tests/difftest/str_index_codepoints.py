def main() -> str:
    s = "héllo wörld 😀!"
    print(len(s))
    print(s[0], s[1], s[-1], s[-2])
    print(s[12], len(s[12]))
    for i in range(0, len(s), 3):
        print(i, s[i])
    t = "日本語テキスト"
    print(len(t), t[2], t[-1])
    return s[-2]
