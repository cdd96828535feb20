from typing import List


def grade(score: int) -> str:
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"


def main() -> List[str]:
    out = [grade(s) for s in [95, 90, 85, 70, 69, 0, 100]]
    print(out)
    x = 5
    if x > 3 and x < 10:
        print("mid")
    if not x == 5:
        print("never")
    elif x == 5:
        print("five")
    return out
