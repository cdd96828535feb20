from typing import List


class AppError(Exception):
    pass


class NotFound(AppError):
    pass


class Forbidden(AppError):
    pass


def fetch(path: str) -> str:
    if path.startswith("/admin"):
        raise Forbidden("no access to " + path)
    if path != "/":
        raise NotFound(path)
    return "home"


def main() -> List[str]:
    out: List[str] = []
    for p in ["/", "/missing", "/admin/x"]:
        try:
            out.append(fetch(p))
        except NotFound as e:
            out.append("404 " + str(e))
        except AppError as e:
            out.append("app error " + str(e))
    print(out)
    return out
