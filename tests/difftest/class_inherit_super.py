class Animal:
    name: str
    sound: str

    def __init__(self, name: str, sound: str) -> None:
        self.name = name
        self.sound = sound

    def speak(self) -> str:
        return f"{self.name} says {self.sound}"

    def kind(self) -> str:
        return "animal"


class Dog(Animal):
    tricks: int

    def __init__(self, name: str, tricks: int) -> None:
        super().__init__(name, "woof")
        self.tricks = tricks

    def speak(self) -> str:
        return super().speak() + f" and knows {self.tricks} tricks"


def main() -> str:
    a = Animal("cat", "meow")
    d = Dog("rex", 3)
    print(a.speak())
    print(d.speak())
    print(d.kind(), d.name, d.sound)
    return d.speak()
