from typing import Dict, List


def main() -> Dict[str, int]:
    text = "the cat and the hat and THE bat. The end!"
    counts: Dict[str, int] = {}
    for raw in text.split():
        w = raw.strip(".,!").lower()
        counts[w] = counts.get(w, 0) + 1
    for k, v in counts.items():
        print(k, v)
    ranked: List[str] = sorted(counts, key=lambda k: (-counts[k], k))
    print(ranked)
    return counts
