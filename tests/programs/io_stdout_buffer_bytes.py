# writing raw bytes via sys.stdout.buffer mixed with text (flushing in between), and stdout encoding of non-ASCII
import sys
print("text before")
sys.stdout.flush()
sys.stdout.buffer.write(b"raw bytes line\n")
sys.stdout.buffer.write("utf-8 encoded: \u00e9\u00e8 \u2603 \U0001F600\n".encode("utf-8"))
sys.stdout.buffer.flush()
print("text after")
for i in range(4):
    print(f"text {i}", end=" ")
    sys.stdout.flush()
    sys.stdout.buffer.write(f"bytes {i}\n".encode())
    sys.stdout.buffer.flush()
sys.stdout.write("via write: \u00fc\n")
sys.stdout.flush()
for cp in [0x41, 0xE9, 0x3B1, 0x65E5, 0x1F40D]:
    ch = chr(cp)
    print(f"U+{cp:04X} {ch} {ch.encode('utf-8').hex(' ')}")
print("end")
