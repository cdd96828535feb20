"""NDArray in a script: made, inspected and passed to an op taking an NDArray."""
from typing import Any, List

from matx import NDArray
from local_ops import total


def make(n: int) -> NDArray:
    data: List[Any] = []
    for i in range(n):
        data.append(i)
    return NDArray(data, [2, n // 2], "int32")


def describe(a: NDArray) -> str:
    return str(a.shape) + " " + a.dtype + " " + str(a.ndim) + " " + str(a.size) + " " + str(len(a)) + " " + str(a.strides)


def rows(a: NDArray) -> int:
    # `shape` is a tuple, as numpy's: indexed and unpacked like one.
    return a.shape[0] * 10 + len(a.shape)


def as_floats(a: NDArray) -> Any:
    return a.astype("float64").reshape([-1]).tolist()


def summed(a: NDArray) -> float:
    return total(a.astype("float64"))


def bad_dtype() -> str:
    try:
        NDArray([1], None, "complex64")
        return "no error"
    except TypeError as e:
        return "TypeError: " + str(e)
