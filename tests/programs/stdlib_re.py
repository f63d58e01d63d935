# re: groups, named groups, findall, finditer, sub with function, split, flags, fullmatch
import re
m = re.match(r"(\w+)@(\w+)\.(com|org)", "alice@example.com rest")
print(m.group(0), m.group(1), m.groups(), m.span(), m.start(2), m.end(2), m.lastindex)
print(re.match(r"\d+", "abc123"), re.search(r"\d+", "abc123").group(), re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
date = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
dm = date.search("Released on 2023-07-14, patched 2024-01-02")
print(dm["year"], dm.group("month"), dm.groupdict(), dm.re.pattern)
print(date.findall("2023-07-14 and 2024-01-02 and 99-1-1"))
print([m.group() for m in date.finditer("x 2000-01-01 y 1999-12-31")], [m.span() for m in re.finditer(r"o", "foo boo")])
print(re.findall(r"\b\w", "the quick brown fox"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"x*", "axxb"))
print(re.sub(r"\d+", "#", "a1b22c333"), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"), re.subn("a", "A", "banana"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"), re.sub("x", "y", "xxx", count=2))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"), re.sub(r"", "-", "abc"), re.sub(r"\s+", " ", "  many   spaces\there \n"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c"), re.split(r"\s+", "  lead"), re.split("x", "axbxc", maxsplit=1))
print(re.findall(r"[a-z]+", "Hello WORLD foo", re.I), re.findall(r"^\w+", "one\ntwo\nthree", re.M), re.findall(r"a.b", "a\nb", re.S))
verbose = re.compile(r"""
    (\d{3})   # area
    [-.\s]?
    (\d{4})   # number
""", re.VERBOSE)
print(verbose.findall("555-1234 555.9876 5551111"))
print(re.findall(r"(?i)héllo", "HÉLLO héllo"), re.findall(r"\w+", "naïve café 日本"), re.findall(r"\d", "١٢3"))
print(re.findall(r"\w+", "naïve café", re.ASCII), re.escape("a.b*c?(d)"), re.findall(r"(a|b)+", "abab"))
print(re.search(r"(?<=\$)\d+", "cost: $42").group(), re.findall(r"\w+(?=!)", "hi! yes no!"), re.findall(r"(?<!\d)\d{2}(?!\d)", "1 22 333 44"))
print(re.match(r"(a)(b)?", "a").groups(), re.match(r"(a)(b)?", "a").groups("-"), re.match(r"(\w+?)(\d*)$", "abc123").groups())
print(re.findall(r"<.*>", "<a><b>"), re.findall(r"<.*?>", "<a><b>"), re.findall(r"(\w)\1", "aabbcd eef"))
p = re.compile(r"\bcat\b", re.IGNORECASE)
print(p.sub("dog", "Cat catalog CAT cat."), p.flags & re.I != 0, p.pattern, bool(p.search("concat")))
print(re.match(r"[\u4e00-\u9fff]+", "日本語abc").group(), len(re.findall(r".", "😀a\u0301")))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error", e.msg, e.pos)
tokens = re.findall(r"\s*(?:(\d+\.?\d*)|(.))", "3 + 4.5*(2 - 1)")
print(tokens)
print(re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), "camelCaseStringHTTP").lstrip("_"))
mm = re.search(r"(x)(y)?(z)", "xz")
print(mm.group(1, 3), mm.group(2), mm.span(2), mm.expand(r"\3\1"), mm.re.pattern, mm.string)
print(bool(re.match(b"\\d+", b"123")), re.findall(rb"[a-z]", b"a1b2"), re.sub(b"a", b"X", b"banana"))
