// Runs a WASI command module under Node with OUR shim (wasm_runtime/web/loader.mjs), not node:wasi:
// the fast check of what the page does, without a browser.
// Usage: node run_command.mjs '{"wasm": PATH, "argv": [...], "env": {...}}' < stdin
// stdout/stderr are this process's, the exit status is the module's.
import { readFile } from "node:fs/promises";
import { runCommand } from "../../wasm_runtime/web/loader.mjs";

async function allOf(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

const request = JSON.parse(process.argv[2]);
const stdin = await allOf(process.stdin);
const streams = { 1: process.stdout, 2: process.stderr };
process.exitCode = await runCommand(await readFile(request.wasm), {
  args: request.argv,
  env: request.env,
  stdin,
  write: (fd, text) => streams[fd].write(text),
});
