from typing import List


def main() -> List[bytes]:
    samples: List[bytes] = [b"plain", b"it's", b'say "hi"', b"both ' \"", b"\t\n\r", b"\x00\x01\x7f\x80\xfe", b"\\", b""]
    for s in samples:
        print(repr(s), str(s), len(s))
    print(samples)
    return samples
