from typing import Dict, List, Optional


class LRU:
    cap: int
    data: Dict[str, int]

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.data = {}

    def get(self, k: str) -> Optional[int]:
        if k not in self.data:
            return None
        v = self.data.pop(k)
        self.data[k] = v
        return v

    def put(self, k: str, v: int) -> None:
        if k in self.data:
            self.data.pop(k)
        elif len(self.data) >= self.cap:
            oldest = next(iter(self.data))
            del self.data[oldest]
        self.data[k] = v


def main() -> List[str]:
    c = LRU(2)
    c.put("a", 1)
    c.put("b", 2)
    print(c.get("a"))
    c.put("c", 3)
    print(c.get("b"), c.get("c"), list(c.data))
    c.put("a", 10)
    c.put("d", 4)
    print(c.data)
    return list(c.data.keys())
