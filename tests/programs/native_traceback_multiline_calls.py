"""Traceback entries of calls that span lines, in native frames and in an interpreted one:
`obj.method(` with its arguments on the next lines (carets to the end of the first line), the
method or attribute on a line of its own (`.method(`: Python 3.11 moves the position to the name),
a native call spread the same way, and the uncaught exception's C-printed traceback."""

import traceback


def find(text: str, wanted: str) -> int:
    return text.index(
        wanted)


def find_chained(text: str, wanted: str) -> int:
    return (text.strip()
            .index(wanted))


def offset(text: str, wanted: str, base: int) -> int:
    return base + find(text,
                       wanted) * 2


def encoded_length(text: str, codec: str) -> int:
    return len(text.strip()) + len(text.encode(  # the codec's name under the call
        codec,
        "strict"
    ))


def attribute_across(text: str) -> int:
    return (text
            .size)  # type: ignore[attr-defined]


def method_across(text: str) -> int:
    return len(text
               .splitt(1,  # type: ignore[attr-defined]
                       2))


def main(words):
    total = 0
    for word in words:
        total += offset(word,
                        "z", 1)
    return total


for thunk in (lambda: find("abc", "z"), lambda: find_chained("  abc ", "q"), lambda: offset("xyz", "w", 3),
              lambda: encoded_length(" é ", "ascii"), lambda: main(["zz", "az", "ab"]),
              lambda: attribute_across("abc"), lambda: method_across("a b")):
    try:
        print(thunk())
    except (ValueError, AttributeError):
        traceback.print_exc()

print(main(["z", "yz"]))
main(["az",
      "b"])
