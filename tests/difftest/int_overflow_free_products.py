def main() -> int:
    fact = 1
    for i in range(1, 21):
        fact *= i
    print("20! =", fact)
    fib_a, fib_b = 0, 1
    for _ in range(90):
        fib_a, fib_b = fib_b, fib_a + fib_b
    print("fib(90) =", fib_a)
    print(fact // fib_a, fact % fib_a)
    return fib_a
