from typing import List


def main() -> List[bool]:
    inputs: List[str] = ["abc", "ABC", "Abc", "abc123", "123", "", " ", "a b", "_x", "x_1", "A1!", "\t\n"]
    out: List[bool] = []
    for s in inputs:
        row = [s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(), s.isidentifier(), s.islower(), s.isnumeric(), s.isprintable(), s.isspace(), s.istitle(), s.isupper()]
        print(repr(s), "".join("T" if v else "." for v in row))
        out.extend(row)
    return out[:12]
