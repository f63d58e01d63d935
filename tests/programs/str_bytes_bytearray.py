# bytes and bytearray operations
b = b"hello world"
print(b, b[0], b[-1], b[1:4], b[::-1], b[::3], len(b), type(b[0]).__name__)
print(b.upper(), b.title(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"))
print(b + b"!", b * 2, b"lo" in b, 104 in b, b.startswith(b"he"), b.hex(), b.hex(":", 2))
print(bytes(5), bytes([65, 66, 67]), bytes(range(250, 256)), bytes.fromhex("de ad be ef"), bytes("é", "utf-8"))
print(repr(b"\x00\x7f\x80\xff'\"\\\n\t"), list(b"ab"), b"abc" < b"abd", b"" == bytes())
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError", e)
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba[1:3] = b"XYZ"
print(ba, len(ba), ba.pop(), ba, bytes(ba))
ba.insert(0, 48)
ba.remove(ord("X"))
del ba[-1]
print(ba, ba.decode(), ba.upper(), ba[::-1], ba * 2)
ba2 = bytearray(4)
ba2[:] = b"\x01\x02"
ba2 += b"\x03"
print(ba2, list(ba2), ba2.hex(), bytearray.fromhex("ff00"))
ba2.reverse()
print(ba2, ba2 == b"\x03\x02\x01", bytearray(b"x") == b"x", hash(b"abc") == hash(b"abc"))
print(b"a,b,,c".split(b","), b" x ".strip(), b"-".join([b"a", b"b"]), b"abc".center(7, b"*"))
print(b"%d-%s-%x" % (5, b"str", 255), b"%05.1f" % 3.14159, b"abc".decode("ascii"))
print(b"AbC".lower(), b"abc".isalpha(), b"123".isdigit(), b"x\ny".splitlines(), b"ab".zfill(4))
print(memoryview(b"abcd")[1:3].tobytes(), bytes(memoryview(bytearray(b"xyz"))), memoryview(b"ab").tolist())
print(sorted([b"b", b"a", b"ab"]), max(b"hello"), sum(b"\x01\x02\x03"), bytes(reversed(b"abc")))
print([bytes([c]) for c in b"hi"], b"hi"[0:1], b"%c" % 65, str(b"x", "ascii"))
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(3, "little"), b"\xf0\x9f\x98\x80".decode())
