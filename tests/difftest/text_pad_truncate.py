from typing import List, Tuple


def encode(ids: List[int], max_len: int, pad: int) -> Tuple[List[int], List[int]]:
    ids = ids[:max_len]
    mask = [1] * len(ids) + [0] * (max_len - len(ids))
    ids = ids + [pad] * (max_len - len(ids))
    return ids, mask


def main() -> List[List[int]]:
    batch: List[List[int]] = [[5, 6, 7], [1], [9, 8, 7, 6, 5, 4], []]
    out: List[List[int]] = []
    for seq in batch:
        ids, mask = encode(seq, 4, 0)
        print(ids, mask)
        out.append(ids)
    return out
