def main() -> int:
    s = "中文文本，日本語のテキスト、한국어 텍스트。"
    print(len(s))
    print(s.split("，"), s.find("日本"), s.count("文"))
    print(s[:4], s[-6:], s[::5])
    print(s.isalpha(), "中文".isalpha(), "中文".isupper(), "中文".islower())
    print(s.replace("文", "字"))
    print([c for c in s if not c.isalpha()])
    print("한국어".encode(), len("한국어".encode()))
    return len(s.encode())
