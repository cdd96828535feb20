def main() -> str:
    text = """first line
  second "quoted" line
third\tline"""
    print(text)
    print(len(text.splitlines()))
    raw = r"C:\path\to\file\n"
    print(raw, len(raw))
    joined = "implicit " "concatenation " 'works'
    print(joined)
    esc = "\N{GREEK SMALL LETTER ALPHA}\u03b2\x41\101"
    print(esc)
    return text.splitlines()[1].strip()
