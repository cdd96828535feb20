def main() -> str:
    x = 3.14159
    n = 42
    s = "matx"
    print(f"{x:.3f} {n:04d} {s!r} {s:>8}|")
    print(f"{s:<8}|{s:^8}|{s:*>8}|{n:>6}|{n:<6}|")
    print(f"{n:x} {n:#x} {n:o} {n:#o} {n:b} {n:#b} {n:X}")
    print(f"{-n:05d} {n:+} {x:+.1f} {1e6:.2e}")
    print(f"{n * 2} {s.upper()} {len(s)} {[1, 2]} {(1, 'a')}")
    print(f"{'nested'} {x!r} {s!s}")
    width = 10
    prec = 2
    print(f"[{x:{width}.{prec}f}]")
    return f"{s!r:>10}"
