from typing import Any, Dict, List


def main() -> Dict[str, Any]:
    rec: Dict[str, Any] = {"name": "matx", "version": 1, "ratio": 0.5, "tags": ["a", "b"], "extra": None}
    print(rec)
    for k, v in rec.items():
        print(k, repr(v))
    rec["version"] = rec["version"] + 1
    tags: List[Any] = rec["tags"]
    tags.append("c")
    print(rec["tags"], rec["version"])
    print(len(rec["name"]), rec["name"][1:3])
    return rec
