"""argparse end to end: subcommands, types, defaults, help text and a usage error (exit 2)."""

import argparse
import sys

parser = argparse.ArgumentParser(prog="tool", description="A tool with subcommands.")
parser.add_argument("--verbose", "-v", action="count", default=0)
sub = parser.add_subparsers(dest="command", required=True)
add = sub.add_parser("add", help="add numbers")
add.add_argument("numbers", type=int, nargs="+")
add.add_argument("--scale", type=float, default=1.0)
greet = sub.add_parser("greet", help="greet someone")
greet.add_argument("name")
greet.add_argument("--shout", action="store_true")

args = parser.parse_args(sys.argv[1:])
print(args)
print(sum(args.numbers) * args.scale)
print(parser.parse_args(["-vv", "greet", "Ada", "--shout"]))
print(parser.format_help())
print(add.format_usage())
parser.parse_args(["add", "not-a-number"])
