// Runs a WASI command module under Node's node:wasi (preview1) with nothing pre-opened.
// Usage: node --no-warnings node_wasi.mjs '{"wasm": PATH, "argv": [...], "env": {...}}'
// Standard streams are this process's; the exit code is the module's.
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";

const request = JSON.parse(process.argv[2]);
const wasi = new WASI({
  version: "preview1",
  args: request.argv,
  env: request.env,
  preopens: {},
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(request.wasm));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
