# struct pack/unpack, base64 variants, hashlib digests, binascii
import struct, base64, hashlib, binascii
packed = struct.pack(">IhBq", 1, -2, 255, -2 ** 63)
print(packed, len(packed), struct.unpack(">IhBq", packed), struct.calcsize(">IhBq"), struct.calcsize("<i?d"))
print(struct.pack("<I", 0xDEADBEEF), struct.pack(">I", 0xDEADBEEF), struct.pack("<d", 1.5), struct.pack(">f", -0.1))
print(struct.unpack("<d", struct.pack("<d", 0.1))[0], struct.unpack(">f", struct.pack(">f", 0.1))[0], struct.pack("<e", 2.5))
print(struct.pack("4s3sx?", b"ab", b"xyz12", True), struct.unpack("<HH", b"\x01\x00\xff\xff"), struct.pack(">Q", 2 ** 64 - 1))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\xff\xff")), struct.unpack_from(">H", b"\x00\x00\x12\x34", 2))
s = struct.Struct("<3sHf")
print(s.size, s.format, s.pack(b"key", 513, 0.25), s.unpack(s.pack(b"key", 513, 0.25)))
for fmt, val in [("b", 128), ("B", -1), ("H", 70000), ("q", 2 ** 63)]:
    try:
        struct.pack(fmt, val)
    except struct.error as e:
        print("struct.error", fmt, e)
raw = b"Hello, \xe2\x9c\x93 world!\x00\xff"
print(base64.b64encode(raw), base64.b64decode(base64.b64encode(raw)) == raw, base64.b64encode(b""), base64.b64encode(b"a"), base64.b64encode(b"ab"))
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.b64encode(b"\xfb\xff\xfe"), base64.b32encode(b"abc"), base64.b16encode(b"\x00\xab"), base64.a85encode(b"hello"))
print(base64.b64decode("SGVsbG8="), base64.b32decode("MFRGG==="), base64.b16decode("00AB"), base64.standard_b64decode(b"YWJj"))
try:
    base64.b64decode("abc", validate=True)
except binascii.Error as e:
    print("binascii.Error", e)
print(binascii.hexlify(b"\x01\xfe"), binascii.unhexlify("cafe"), binascii.crc32(b"hello"), binascii.crc32(b"hello world"), binascii.crc32(b" world", binascii.crc32(b"hello")))
for algo in ["md5", "sha1", "sha256", "sha512"]:
    print(algo, hashlib.new(algo, b"The quick brown fox").hexdigest())
print(hashlib.md5(b"").hexdigest(), hashlib.sha256(b"").hexdigest())
h = hashlib.sha256()
for chunk in [b"part1", b"part2", "ünïcode".encode()]:
    h.update(chunk)
print(h.hexdigest(), h.digest_size, h.block_size, h.name, len(h.digest()))
print(hashlib.sha256(b"part1part2" + "ünïcode".encode()).hexdigest() == h.hexdigest())
print(hashlib.sha1("日本".encode("utf-8")).hexdigest(), hashlib.md5(b"a" * 1000).hexdigest(), hashlib.blake2b(b"x", digest_size=16).hexdigest())
print(hashlib.sha3_256(b"abc").hexdigest(), hashlib.sha224(b"abc").hexdigest(), hashlib.sha384(b"").hexdigest()[:32])
import hmac
print(hmac.new(b"key", b"message", "sha256").hexdigest(), hmac.compare_digest(b"a", b"a"))
for n in (0, 1, 55, 56, 64, 1000):
    print(n, hashlib.md5(b"x" * n).hexdigest(), hashlib.sha256(b"x" * n).hexdigest()[:16])
