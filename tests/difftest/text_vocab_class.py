from typing import Dict, List


class Vocab:
    stoi: Dict[str, int]
    itos: List[str]
    unk: int

    def __init__(self, tokens: List[str]) -> None:
        self.stoi = {}
        self.itos = []
        for t in ["<unk>", "<pad>"] + tokens:
            if t not in self.stoi:
                self.stoi[t] = len(self.itos)
                self.itos.append(t)
        self.unk = self.stoi["<unk>"]

    def __len__(self) -> int:
        return len(self.itos)

    def __contains__(self, t: str) -> bool:
        return t in self.stoi

    def __getitem__(self, t: str) -> int:
        return self.stoi.get(t, self.unk)

    def decode(self, ids: List[int]) -> str:
        return " ".join(self.itos[i] for i in ids)


def main() -> List[int]:
    v = Vocab("the cat sat on the mat".split())
    print(len(v), "cat" in v, "dog" in v, v.itos)
    ids = [v[t] for t in "the dog sat".split()]
    print(ids, v.decode(ids))
    return ids
