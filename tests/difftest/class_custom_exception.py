class ValidationError(ValueError):
    pass


class Form:
    age: int

    def __init__(self, age: int) -> None:
        if age < 0:
            raise ValidationError("age must be >= 0, got " + str(age))
        self.age = age


def main() -> int:
    ok = Form(30)
    print(ok.age)
    try:
        Form(-1)
    except ValidationError as e:
        print("caught", e)
    try:
        Form(-2)
    except ValueError as e:
        print("caught as ValueError:", e)
    return ok.age
