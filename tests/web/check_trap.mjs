// A module that traps (`unreachable` in _start) ends with status 134 and says so on stderr,
// as `tpy2wasm run` does.
import assert from "node:assert/strict";
import { EXIT_TRAP, runCommand } from "../../wasm_runtime/web/loader.mjs";

// (module (memory (export "memory") 1) (func (export "_start") unreachable)), by hand.
const trapping = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00,                      // type: () -> ()
  0x03, 0x02, 0x01, 0x00,                                  // function 0 has type 0
  0x05, 0x03, 0x01, 0x00, 0x01,                            // memory: 1 page
  0x07, 0x13, 0x02, 0x06, ...new TextEncoder().encode("memory"), 0x02, 0x00,
  0x06, ...new TextEncoder().encode("_start"), 0x00, 0x00,  // exports
  0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b,                // code: unreachable
]);
const written = [];
const status = await runCommand(trapping, { write: (fd, text) => written.push([fd, text]) });
assert.equal(status, EXIT_TRAP);
assert.equal(written.length, 1);
assert.equal(written[0][0], 2);
assert.match(written[0][1], /^tpy2wasm: the module trapped \(a tpy2wasm bug\): .*unreachable/);
console.log("trap: ok");
