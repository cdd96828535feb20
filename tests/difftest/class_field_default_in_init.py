from typing import Dict, List, Optional


class Config:
    name: str
    retries: int
    tags: List[str]
    meta: Dict[str, str]
    parent: Optional[str]

    def __init__(self, name: str, retries: int = 3, parent: Optional[str] = None) -> None:
        self.name = name
        self.retries = retries
        self.tags = []
        self.meta = {}
        self.parent = parent


def main() -> List[str]:
    a = Config("a")
    b = Config("b", retries=5, parent="a")
    a.tags.append("x")
    b.meta["k"] = "v"
    print(a.name, a.retries, a.tags, a.meta, a.parent)
    print(b.name, b.retries, b.tags, b.meta, b.parent)
    return a.tags + b.tags
