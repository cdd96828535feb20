matx::matx_script! {
from typing import Callable, List

def f() -> List[int]:
    late: List[Callable[[], int]] = []
    for j in range(3):
        late.append(lambda: j)
    return [g() for g in late]
}

fn main() {}
