# reads stdin line by line with input() until EOF, plus a for-loop over sys.stdin
import sys
n = int(input())
print("expecting", n, "records")
total = 0
for i in range(n):
    name, qty, price = input().split(",")
    cost = int(qty) * float(price)
    total += cost
    print(f"{name.strip():<10} {int(qty):>3} x {float(price):>6.2f} = {cost:>8.2f}")
print(f"{'TOTAL':<10} {total:>23.2f}")
print("grand total as int cents:", round(total * 100))
prompt_answer = input("prompt> ")
print()
print("answer:", repr(prompt_answer))
rest = []
for line in sys.stdin:
    rest.append(line.rstrip("\n"))
print("remaining lines:", len(rest))
for r in rest:
    print("  ", repr(r), len(r))
try:
    input()
except EOFError as e:
    print("EOFError", repr(str(e)))
