def main() -> str:
    s = "a😀b😃c🎉d"
    print(len(s))
    print(s[1:4], s[::2], s[1::2])
    print(s[::-1])
    print(s[-3:], s[:-3], s[10:], s[-100:2])
    flags = "🇩🇪🇫🇷"
    print(len(flags), flags[:2], flags[2:])
    fam = "👨‍👩‍👧"
    print(len(fam), [ord(c) for c in fam])
    return s[::-1]
