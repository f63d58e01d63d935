"""Modules the stdlib imports only inside functions (left out unless the program asks), imported
by this program inside functions: by statement and by importlib with a literal name."""

import importlib


def archive_names() -> list[str]:
    zipfile = importlib.import_module("zipfile")  # the stdlib imports it only in shutil's archive functions
    return [name for name in dir(zipfile) if name.startswith("ZIP_")]


def run_doctest() -> None:
    import doctest  # the stdlib imports it only in _test() helpers

    def square(n: int) -> int:
        """
        >>> square(4)
        16
        """
        return n * n

    print(doctest.run_docstring_examples(square, {"square": square}, verbose=False))


print(archive_names())
run_doctest()
