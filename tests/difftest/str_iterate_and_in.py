def main() -> int:
    s = "Grüße, 世界!"
    vowels = 0
    for ch in s:
        if ch in "aeiouäöüAEIOU":
            vowels += 1
    print(vowels)
    print("üß" in s, "ße" in s, "世" in s, "xyz" in s, "" in s)
    print("ße" not in s)
    chars = [c for c in s if c.isalpha()]
    print(chars)
    print(list("a😀b"))
    return vowels
