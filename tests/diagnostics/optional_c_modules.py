"""Imports of stdlib modules whose C part CPython for WASI lacks, each optional: no message."""
try:
    import sqlite3
except ImportError:
    sqlite3 = None
try:
    import ctypes
except ModuleNotFoundError:
    ctypes = None
try:
    import tkinter
except Exception:
    tkinter = None
try:
    import _multiprocessing
except:  # noqa: E722
    _multiprocessing = None
import zipfile  # itself imports zlib optionally
import uuid  # itself imports _uuid optionally

print(sqlite3, ctypes, tkinter, _multiprocessing, zipfile.__name__, uuid.__name__)
