// Calls a tpy2wasm reactor's exports under Node's node:wasi, with the ABI of
// wasm_runtime/interop.h and the signatures of the module's `tpy2wasm.exports` section.
// Usage: node --no-warnings node_host.mjs '{"wasm": PATH, "out": PATH, "calls": [[NAME, [ARG, ...]], ...]}'
// An ARG or result is {"int": "decimal"} | {"float": x} | {"bool": b} | {"str": s} | {"bytes": "hex"} | {"None": null}.
// Writes {"results": [{"result": VALUE} | {"error": TRACEBACK}, ...], "recorded": [[message, number], ...]}
// to `out`; the module's stdout and stderr are this process's.
import { readFile, writeFile } from "node:fs/promises";
import { WASI } from "node:wasi";

const request = JSON.parse(process.argv[2]);
const wasi = new WASI({ version: "preview1", args: ["calculator"], env: {}, preopens: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(request.wasm));
const [section] = WebAssembly.Module.customSections(module, "tpy2wasm.exports");
const signatures = new Map(JSON.parse(new TextDecoder().decode(section)).functions.map((f) => [f.name, f]));

let instance;
const memory = () => new Uint8Array(instance.exports.memory.buffer);
const readText = (pointer, length) => new TextDecoder().decode(memory().slice(pointer, pointer + length));
const readBuffer = (pointer) => {
  const length = new DataView(instance.exports.memory.buffer).getUint32(pointer, true);
  return memory().slice(pointer + 4, pointer + 4 + length);
};
const copyIn = (bytes) => {
  const pointer = instance.exports.tpy2wasm_alloc(bytes.length);
  memory().set(bytes, pointer);
  return pointer;
};
const recorded = [];
const env = {
  record: (pointer, length, number) => { recorded.push([readText(pointer, length), Number(number)]); },
  twice: (x) => 2 * x,
  shout: (pointer, length) => {
    const text = new TextEncoder().encode(readText(pointer, length).toUpperCase() + "!");
    const buffer = new Uint8Array(4 + text.length);
    new DataView(buffer.buffer).setUint32(0, text.length, true);
    buffer.set(text, 4);
    return copyIn(buffer);
  },
};
instance = await WebAssembly.instantiate(module, { ...wasi.getImportObject(), env });
wasi.initialize(instance);

const hex = (bytes) => Buffer.from(bytes).toString("hex");
// An argument's Wasm value(s), by the parameter's type in the section (an int may pass as float).
function toWasm(type, value) {
  switch (type) {
    case "int": return [BigInt(value)];
    case "float": return [Number(value)];
    case "bool": return [value ? 1 : 0];
    default: {
      const bytes = type === "str" ? new TextEncoder().encode(value) : Buffer.from(value, "hex");
      return [copyIn(bytes), bytes.length];
    }
  }
}
function fromWasm(type, value) {
  switch (type) {
    case "int": return String(value);
    case "float": return value;
    case "bool": return value !== 0;
    case "None": return null;
    default: {
      const bytes = readBuffer(value);
      instance.exports.tpy2wasm_free(value);
      return type === "str" ? new TextDecoder().decode(bytes) : hex(bytes);
    }
  }
}
const results = [];
for (const [name, args] of request.calls) {
  const signature = signatures.get(name);
  const value = instance.exports[name](...args.flatMap((arg, i) => toWasm(signature.params[i], Object.values(arg)[0])));
  const error = instance.exports.tpy2wasm_error();
  if (error !== 0) {
    results.push({ error: new TextDecoder().decode(readBuffer(error)) });
    instance.exports.tpy2wasm_free(error);
  } else {
    results.push({ result: { [signature.result]: fromWasm(signature.result, value) } });
  }
}
await writeFile(request.out, JSON.stringify({ results, recorded }));
