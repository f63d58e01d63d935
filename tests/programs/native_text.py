"""Boxed native functions on text and exceptions: items and slices of str, dict and list
displays passed on, attributes stored on exceptions, and the errors these raise."""


class Problem(Exception):
    note: str = ""
    count: int = 0


def shout(text: str, times: int) -> str:
    out = ""
    for i in range(times):
        out += text[i % len(text)].upper()
    return out + text[::-1] + text[1:-1] + text[::2] + text[-3:] + text[2:8:3]


def letters(text: str) -> None:
    print({"first": text[0], "last": text[-1], "size": len(text)}, [text[:2], text[2:]])


def annotate(text: str) -> str:
    try:
        raise Problem(text)
    except Problem as error:
        error.note = "seen " + text
        error.count = len(text)
        error.count += 10
        return error.note + " " + str(error.count)


def pick(text: str, index: int) -> str:
    try:
        return text[index]
    except IndexError as error:
        return "IndexError: " + str(error)


def total(values: str) -> int:
    counts = 0
    for part in values.split(","):
        counts += int(part)
    return counts


print(shout("abcdefghij", 4))
letters("native")
print(annotate("abc"))
print(pick("xyz", 1), pick("xyz", 5), pick("xyz", -1))
print(total("1,2,3,40"))
try:
    total("1,x")
except ValueError as error:
    print("ValueError:", error)
try:
    shout("", 1)
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
