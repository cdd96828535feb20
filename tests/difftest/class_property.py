class Temperature:
    celsius: float

    def __init__(self, celsius: float) -> None:
        self.celsius = celsius

    @property
    def fahrenheit(self) -> float:
        return self.celsius * 9 / 5 + 32

    @property
    def is_freezing(self) -> bool:
        return self.celsius <= 0


def main() -> float:
    t = Temperature(21.5)
    print(t.fahrenheit, t.is_freezing)
    t.celsius = -3.0
    print(t.fahrenheit, t.is_freezing)
    print(Temperature(100.0).fahrenheit)
    return t.fahrenheit
