# calls sys.exit(0) early from inside nested function calls and loops; finally blocks still run
import sys
def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            print(f"visit ({r},{c}) = {v}")
            if v == target:
                print("found target at", (r, c))
                sys.exit(0)
grid = [[r * 4 + c for c in range(4)] for r in range(5)]
for row in grid:
    print(" ".join(f"{v:2}" for v in row))
try:
    search(grid, 13)
finally:
    print("outer finally runs on exit")
print("not reached")
