from typing import Any, Dict, List


class Animal:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def speak(self) -> str:
        return self.name + " ..."

    def __repr__(self) -> str:
        return "Animal(" + repr(self.name) + ")"


class Dog(Animal):
    def speak(self) -> str:
        return self.name + " woof"


def first_animal(xs: List[Any]) -> Animal:
    a: Animal = xs[0]
    return a


def main() -> List[str]:
    d = Dog("rex")
    as_base: Animal = d
    zoo: List[Any] = [Animal("cat"), as_base, 3, "x"]
    out: List[str] = []
    out.append(first_animal(zoo).speak())
    back: Dog = zoo[1]
    out.append(back.speak())
    out.append(repr(zoo))
    out.append(str(back is d))
    table: Dict[str, Any] = {"pet": d}
    pet: Animal = table["pet"]
    out.append(pet.speak())
    return out
