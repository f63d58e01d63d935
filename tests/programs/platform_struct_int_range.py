"""On wasm32 a C int and a C long are both 32 bits, so struct reports 'i' overflow differently."""

import struct

print(struct.calcsize("l"), struct.calcsize("P"))
try:
    struct.pack("i", 2**31)
except struct.error as error:
    print("struct.error", error)
