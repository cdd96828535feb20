from typing import List


class Account:
    owner: str
    balance: int
    history: List[int]

    def __init__(self, owner: str, balance: int = 0) -> None:
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount: int) -> None:
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount: int) -> bool:
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history.append(-amount)
        return True


def main() -> List[int]:
    a = Account("ada", 100)
    a.deposit(50)
    print(a.withdraw(500), a.withdraw(30), a.balance)
    b = Account("bob")
    b.deposit(5)
    print(a.owner, a.history, b.owner, b.history, b.balance)
    return a.history
