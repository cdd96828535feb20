def main() -> int:
    n = 0
    total = 0
    while n < 20:
        n += 1
        if n % 3 == 0:
            continue
        if n > 15:
            break
        total += n
    else:
        print("no break")
    print(n, total)
    k = 0
    while k < 3:
        k += 1
    else:
        print("while finished normally", k)
    count = 0
    while True:
        count += 1
        if count * count > 50:
            break
    print(count)
    return total
