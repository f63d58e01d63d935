// Checks the loader's reactor ABI (wasm_runtime/web/reactor.mjs) on reactor_fixture.c's module.
// Usage: node check_reactor.mjs MODULE.wasm — exits non-zero with the failed assertion.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { loadReactor, moduleKind, compileModule } from "../../wasm_runtime/web/loader.mjs";
import { PythonError } from "../../wasm_runtime/web/reactor.mjs";

const module = await compileModule(await readFile(process.argv[2]));
assert.equal(moduleKind(module), "reactor");
const written = [];
const lib = await loadReactor(module, { write: (fd, text) => written.push([fd, text]) });

assert.equal(await lib.scale(3n, 1.5, false), 4.5);
assert.equal(await lib.scale(3, 1.5, true), -4.5);  // an integral Number is an int too
assert.equal(await lib.twice(2n ** 62n - 1n), 2n ** 63n - 2n);  // int results are BigInts, exactly
assert.equal(await lib.is_big(2n ** 40n), true);
assert.equal(await lib.is_big(7), false);
assert.equal(await lib.shout("héllo wörld"), "HéLLO WöRLD!");  // UTF-8 both ways
assert.equal(await lib.shout(""), "!");
assert.deepEqual(await lib.reverse(new Uint8Array([1, 2, 3, 250]), "ab€"), new Uint8Array([250, 3, 2, 1, 5]));

await assert.rejects(lib.fail("bad value"), (error) => {
  assert.ok(error instanceof PythonError && error instanceof Error);
  assert.equal(error.message.split("\n").at(-1), "ValueError: bad value");
  assert.ok(error.traceback.startsWith("Traceback (most recent call last):\n"));
  return true;
});
assert.deepEqual(written, [[1, "about to fail\n"]]);
assert.equal(await lib.twice(5n), 10n);  // the error was consumed: the next call succeeds

await assert.rejects(lib.scale(1.5, 1, false), TypeError);  // not an int
await assert.rejects(lib.scale(2n ** 64n, 1, false), RangeError);  // not an i64
await assert.rejects(lib.shout(5), TypeError);
await assert.rejects(lib.is_big(), TypeError);  // arity
assert.equal(await lib.live_blocks(), 0n);  // every argument, result and error block was freed
console.log("reactor ABI: ok");
