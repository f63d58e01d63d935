"""Modules imported by a computed name: included with --include-module (see the sidecar)."""

import importlib

for name in ["json", "textwrap", "colorsys"]:
    module = importlib.import_module(name)
    print(name, module.__name__, hasattr(module, "__file__"))

json = importlib.import_module("json")
print(json.dumps({"b": [1, 2.5, None], "a": "é"}, sort_keys=True))
print(importlib.import_module("textwrap").fill("word " * 12, width=24))
print(importlib.import_module("colorsys").rgb_to_hsv(0.2, 0.4, 0.4))
try:
    importlib.import_module("no_such_module_anywhere")
except ModuleNotFoundError as error:
    print(type(error).__name__, error.name)
