from typing import List


class Money:
    cents: int
    currency: str

    def __init__(self, cents: int, currency: str) -> None:
        self.cents = cents
        self.currency = currency

    def __str__(self) -> str:
        return f"{self.cents // 100}.{self.cents % 100:02d} {self.currency}"

    def __repr__(self) -> str:
        return f"Money({self.cents!r}, {self.currency!r})"


def main() -> Money:
    m = Money(1234, "EUR")
    print(m)
    print(str(m), repr(m))
    ms: List[Money] = [m, Money(5, "USD")]
    print(ms)
    print(f"{m} / {m!r}")
    return Money(99, "€")
