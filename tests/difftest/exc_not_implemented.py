class Base:
    def run(self) -> int:
        raise NotImplementedError("subclass must implement run")


class Impl(Base):
    def run(self) -> int:
        return 7


def main() -> int:
    print(Impl().run())
    try:
        Base().run()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
    return Base().run()
