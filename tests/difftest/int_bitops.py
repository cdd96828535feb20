def main() -> int:
    a = 0b1011_0110
    b = 0x5A
    print(a & b, a | b, a ^ b)
    print(~a, ~0, ~-1)
    print(a << 3, a >> 2, -a >> 2)
    print(1 << 62)
    print(bin(a & b), bin(-5), hex(-255), oct(8))
    x = 12345
    count = 0
    while x:
        count += x & 1
        x >>= 1
    print("popcount", count)
    return a ^ b
