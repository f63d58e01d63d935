"""--stdlib=full: every stdlib module is there, even one only a computed name reaches."""

import importlib

names = ["calendar", "difflib", "email.utils", "html", "urllib.parse", "xml.dom.minidom"]
for name in names:
    module = importlib.import_module("".join(name))
    print(name, module.__name__)
print(importlib.import_module("calendar").isleap(2024))
print(importlib.import_module("html").escape("<a & b>"))
print(importlib.import_module("urllib.parse").quote("a b/c?d=é"))
print(importlib.import_module("difflib").SequenceMatcher(None, "abcd", "abed").ratio())
