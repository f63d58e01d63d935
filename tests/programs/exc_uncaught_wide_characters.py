"""An uncaught error on a line with wide (CJK, fullwidth) and accented characters: traceback.py
counts the wide ones as two columns for its carets, through unicodedata, which this program
does not import (the excepthook once failed with ModuleNotFoundError here)."""


def label(text):
    return "日本語 é " + text[99] + "ｘ"


print(label("ok" * 50))
label("ｘ")
