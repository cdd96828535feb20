from typing import List


def normalize(pixels: List[List[int]], mean: float, std: float) -> List[List[float]]:
    return [[(p / 255.0 - mean) / std for p in row] for row in pixels]


def flip_h(img: List[List[int]]) -> List[List[int]]:
    return [row[::-1] for row in img]


def crop(img: List[List[int]], top: int, left: int, h: int, w: int) -> List[List[int]]:
    return [row[left:left + w] for row in img[top:top + h]]


def main() -> List[List[float]]:
    img = [[(r * 37 + c * 11) % 256 for c in range(5)] for r in range(4)]
    print(img)
    print(flip_h(img))
    c = crop(img, 1, 1, 2, 3)
    print(c)
    out = normalize(c, 0.5, 0.25)
    print([[round(v, 4) for v in row] for row in out])
    return out
