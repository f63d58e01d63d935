"""wasm32 is a 32-bit platform: sys.maxsize and numeric hashes differ from 64-bit Linux."""

import sys

print(sys.maxsize, sys.hash_info.width, sys.hash_info.modulus)
print(hash(0.5), hash(2**40), hash(-1.5))
