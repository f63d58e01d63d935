# unicode: non-BMP, combining chars, case mapping, utf-8 encode/decode
import unicodedata
samples = ["héllo", "日本語", "😀👍", "e\u0301", "straße", "ΑΒΓ αβγ", "İ", "ﬁ", "Ǆ", "𝔘𝔫𝔦", "a\u0000b", "\u200b"]
for s in samples:
    b = s.encode("utf-8")
    print(repr(s), len(s), len(b), b, b.decode("utf-8") == s, ascii(s))
for s in ["straße", "ΑΒΓ αβγ", "İ", "ﬁ", "Ǆ", "éÉ", "ǅungla", "ς σ Σ", "ŉ"]:
    print(s.upper(), s.lower(), s.title(), s.casefold(), s.swapcase(), len(s.upper()), len(s.lower()))
e1 = "é"
e2 = "e\u0301"
print(e1 == e2, len(e1), len(e2), unicodedata.normalize("NFC", e2) == e1, len(unicodedata.normalize("NFD", e1)))
print(unicodedata.name("€"), unicodedata.category("A"), unicodedata.category("😀"), unicodedata.lookup("SNOWMAN"))
em = "a😀b😀c"
print(em[1], em[2], em[::-1], em.find("b"), em.index("c"), em.split("😀"), [ord(c) for c in em])
print(hex(ord("😀")), "\U0001F600" == "😀", "\N{GREEK SMALL LETTER ALPHA}", "\u00e9", "\x41")
print("é".isalpha(), "٣".isdigit(), "٣".isdecimal(), int("٣٤"), "²".isdigit(), "²".isdecimal(), "Ⅻ".isnumeric())
print("日本".center(8, "・"), "ab日".ljust(5, "-"), sorted("éaèb"), "é" > "z")
print("café".encode("latin-1"), b"caf\xe9".decode("latin-1"), "café".encode("ascii", "replace"), "café".encode("ascii", "ignore"))
print("😀".encode("utf-16-le"), "😀".encode("utf-32-be"), "A".encode("utf-16-be"), len("😀".encode("utf-16-le")))
try:
    b"\xff\xfe\x80".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason, e.start, e.end)
print(b"\xff abc".decode("utf-8", "replace"), b"\xffabc".decode("utf-8", "ignore"), repr(b"\xe2\x82".decode("utf-8", "backslashreplace")))
try:
    "€".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print("ÀÉÎÕÜ".lower(), "àéîõü".upper(), "ÿ".upper(), "µ".upper(), "ß".upper(), "ﬀ".upper())
print(str(bytes("日", "utf-8")), bytes("日", "utf-8").hex(), bytearray("ñ", "utf-8"))
print(repr("tab\there"), repr("nl\n"), repr("\x7f\x80\xa0"), repr("\ud800" if False else "ok"), repr("\U0010ffff"))
print([c for c in "naïve café" if not c.isascii()], "naïve".isascii(), "abc".isascii())
print(" ".join(["αβ", "γδ"]).split(), "ΑΒ" + "γ" * 3, "x😀" * 2, ("😀" * 3).count("😀"))
