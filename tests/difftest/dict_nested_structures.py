from typing import Dict, List


def main() -> Dict[str, Dict[str, List[int]]]:
    db: Dict[str, Dict[str, List[int]]] = {}
    records = [("alice", "math", 90), ("bob", "math", 70), ("alice", "art", 85), ("alice", "math", 95)]
    for name, subject, score in records:
        if name not in db:
            db[name] = {}
        if subject not in db[name]:
            db[name][subject] = []
        db[name][subject].append(score)
    print(db)
    print(db["alice"]["math"], sum(db["alice"]["math"]))
    alias = db["bob"]
    alias["art"] = [60]
    print(db["bob"])
    return db
