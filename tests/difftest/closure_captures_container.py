from typing import Callable, Dict, List


def make_recorder(log: List[str]) -> Callable[[str], int]:
    def record(msg: str) -> int:
        log.append(msg)
        return len(log)
    return record


def main() -> List[str]:
    log: List[str] = []
    rec = make_recorder(log)
    print(rec("a"), rec("b"), rec("c"))
    print(log)
    counts: Dict[str, int] = {}

    def bump(k: str) -> None:
        counts[k] = counts.get(k, 0) + 1

    for w in "abracadabra":
        bump(w)
    print(counts)
    return log
