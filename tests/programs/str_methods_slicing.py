# string slicing and methods
s = "Hello, World! Python-3.11"
print(s[0], s[-1], s[7:12], s[:5], s[-4:], s[::2], s[::-1], s[3:-3:3], s[100:], s[-100:3])
print(s[5:2], s[5:2:-1], s[::-3], repr(s[0:0]), len(s))
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
print(s.find("o"), s.rfind("o"), s.find("zz"), s.index("World"), s.count("o"), s.count(""))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError", e)
print(s.startswith("Hell"), s.endswith(("x", "11")), s.startswith("World", 7), "th" in s, "TH" in s)
print(s.replace("o", "0"), s.replace("o", "0", 1), s.replace("", "-")[:12])
print(s.split(), s.split(","), s.split("o", 1), s.rsplit("o", 1), "a,,b,".split(","))
print("  lots   of  space ".split(), " x ".split(" "), "".split(), "".split(","))
print("line1\nline2\r\nline3\n".splitlines(), "a\nb\n".splitlines(keepends=True))
print("-".join(["a", "b", "c"]), "".join(reversed("abc")), ", ".join(str(i) for i in range(5)))
print(repr("  pad  ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()), "xxhixx".strip("x"))
print("abc".center(9, "*"), "abc".ljust(6, ".") + "|", "abc".rjust(6) + "|", "42".zfill(5), "-42".zfill(5))
print("a1".isalnum(), "abc".isalpha(), "123".isdigit(), " ".isspace(), "Title Case".istitle(), "abc".islower(), "ABC".isupper(), "".isdigit())
print("x=1;y=2".partition("="), "x=1;y=2".rpartition("="), "abc".partition("z"))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("z"))
print("tab\tsep".expandtabs(4), "%s-%s" % ("a", "b"), "ab" * 3, 3 * "-", "a" < "b", "abc" < "abd", "Z" < "a")
print(ord("A"), chr(97), ord("€"), chr(0x1F600) == "\U0001F600", min("hello"), max("hello"))
print(sorted("banana"), list("abc"), tuple("xy"), set("aa") == {"a"})
t = "The quick brown fox jumps over the lazy dog"
words = t.split()
print(len(words), sorted(words, key=str.lower), max(words, key=len), [w[::-1] for w in words][:3])
print(t.translate(str.maketrans("aeiou", "AEIOU")), t.translate(str.maketrans("", "", "aeiou")))
print("{}".format("x") is not None, str(123), str(None), str(True), str([1, "a"]))
acc = ""
for ch in "abcdef":
    acc = ch + acc + ch
print(acc, acc.count("a"), acc.find("fa"))
print("Mississippi".replace("ss", "SS"), "Mississippi".split("ss"), "aaa".replace("a", "aa"))
print("%r %s %a" % ("q'uote", "plain", "café"))
