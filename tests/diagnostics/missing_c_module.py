import json
import sqlite3

print(json.dumps(sqlite3.version))
