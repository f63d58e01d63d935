# repr of strings with quotes and escapes, raw strings, multiline
cases = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "new\nline", "tab\t", "cr\r",
         "\x00\x01\x1f", "\x7f", "\u00a0nbsp", "é", "\u2028", "😀", "\U000e0001", "'", '"', "", "\\n",
         "\a\b\f\v", "\x80\x9f", "\ufeff", "mix'\"\n"]
for c in cases:
    print(repr(c), ascii(c), len(c))
print([r"raw\n", r"C:\path\to", r"\d+\.\d*"])
print("""triple "quoted"
second line 'x'
""", end="")
print('''single triple''' + "x")
print("con" "cat" 'en' """ation""")
print(repr("a" "b"), repr(str()), repr(str(b"bytes")))
print(("a", "b'c", 'd"e'), ["x\ny"], {"k'": "v\""})
print(repr(repr("x")), repr(repr(repr("'"))), eval(repr("a'b\"c\n")) == "a'b\"c\n")
long = "word " * 10
print(repr(long.strip()))
print("\101\102\103", "\x41", "\u0041", "\N{LATIN CAPITAL LETTER A}", "\\x41")
print(str("q'"), str('q"'), "%r" % "x'y", "{!r}".format('x"y'), f"{'a' + chr(39)!r}")
