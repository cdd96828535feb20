def main() -> str:
    x = 3.14159265
    print(f"{x:.2f} {x:.0f} {x:10.3f}|{x:<10.1f}|{x:e} {x:.3e}")
    print(f"{1234567.891:,.2f} {0.5:%} {0.125:.1%}")
    print(f"{x:g} {1e-7:g} {123456789.0:g} {100.0:g}")
    print("%.3f %5.1f %e %g" % (x, x, x, x))
    print("{:.4f} {:+.2f} {:08.3f}".format(x, x, -x))
    print(str(2.0), str(2.5e-8), str(1e20), str(1e21))
    return f"{x:.5}"
