class ConfigError(Exception):
    pass


def parse_port(s: str) -> int:
    if not s.isdigit():
        raise ConfigError(f"bad port {s!r}")
    return int(s)


def main() -> int:
    print(parse_port("8080"))
    return parse_port("80a")
