from typing import Any, Dict, List


def to_json(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(v, list):
        return "[" + ", ".join(to_json(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(to_json(k) + ": " + to_json(x) for k, x in v.items()) + "}"
    return "?"


def main() -> str:
    inner: List[Any] = [1, 2.5, "three", None, True]
    doc: Dict[Any, Any] = {"name": "matx \"quoted\"", "list": inner, "nested": {"k": [False]}, "n": -7, "nl": "a\nb"}
    s = to_json(doc)
    print(s)
    print(to_json(inner), to_json(None), to_json("é"))
    return s
