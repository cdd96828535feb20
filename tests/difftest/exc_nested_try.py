from typing import List


def main() -> List[str]:
    log: List[str] = []
    try:
        try:
            log.append("inner try")
            x = [1][5]
            log.append(str(x))
        except KeyError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except IndexError as e:
        log.append("outer caught " + str(e))
    finally:
        log.append("outer finally")
    try:
        try:
            raise RuntimeError("deep")
        except RuntimeError as e:
            log.append("inner handled " + str(e))
            raise KeyError("from handler")
    except KeyError as e:
        log.append("outer got " + str(e))
    print(log)
    return log
