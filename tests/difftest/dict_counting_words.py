from typing import Dict, List, Tuple


def main() -> List[Tuple[str, int]]:
    text = "it was the best of times it was the worst of times"
    counts: Dict[str, int] = {}
    for w in text.split():
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    print(counts)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    print(top[:3])
    first_seen = [k for k in counts]
    print(first_seen)
    return top
