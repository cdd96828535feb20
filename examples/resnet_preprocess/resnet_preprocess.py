"""ResNet preprocessing (the seed's VisionPipeline): JPEG bytes -> [N, 3, 224, 224] float32, ImageNet-normalised.

Evaluation: decode (at 1/2, 1/4 or 1/8 size when the shorter side stays >= 256) -> resize
the shorter side to 256 -> centre crop 224. Training: decode -> random resized crop 224 ->
random horizontal flip. Then both: transpose-normalize (HWC uint8 -> CHW float32) -> stack.
The same file runs under CPython (calling the `matx.vision` ops), compiled by matx_script!,
from Python as the module `resnet_preprocess`, and from a saved pipeline in a Rust host.
"""
from typing import Any, List, Optional

from matx import NDArray
from matx.vision import center_crop, decode, random_flip, random_resized_crop, resize, stack, transpose_normalize


class ResnetPreprocess:
    train: bool
    seed: Optional[int]
    mean: List[float]
    std: List[float]

    def __init__(self, train: bool, seed: Optional[int] = None) -> None:
        self.train = train
        self.seed = seed
        self.mean = [123.675, 116.28, 103.53]
        self.std = [58.395, 57.12, 57.375]

    def __call__(self, images: List[Any]) -> NDArray:
        if self.train:
            imgs = decode(images)
            imgs = random_resized_crop(imgs, 224, None, None, None, self.seed)
            imgs = random_flip(imgs, 0.5, 1, self.seed)
        else:
            imgs = decode(images, "RGB", False, 256)
            imgs = resize(imgs, 256)
            imgs = center_crop(imgs, 224)
        return stack(transpose_normalize(imgs, self.mean, self.std))
