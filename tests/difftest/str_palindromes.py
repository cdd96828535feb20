from typing import List


def is_palindrome(s: str) -> bool:
    cleaned = "".join(c.lower() for c in s if c.isalnum())
    return cleaned == cleaned[::-1]


def main() -> List[bool]:
    inputs: List[str] = ["A man, a plan, a canal: Panama", "hello", "Ésope reste ici et se repose", "", "No 'x' in Nixon", "😀a😀", "ab"]
    out = [is_palindrome(s) for s in inputs]
    for s, r in zip(inputs, out):
        print(r, repr(s))
    return out
