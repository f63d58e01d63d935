// The ABI of a reactor module's typed exports (`tpy2wasm compile --export NAME`), as JS functions.
//
// The custom section `tpy2wasm.exports` describes each function:
//   {"functions": [{"name": "add", "params": ["int", "str"], "result": "float"}]}
// int is an i64 (a BigInt here), float an f64, bool an i32; a str or bytes argument is
// (pointer, length) into memory from `tpy2wasm_alloc(length)` (the callee owns it); a str or bytes
// result is a pointer to [u32 little-endian length][bytes] that we free with `tpy2wasm_free`.
// After every call `tpy2wasm_error()` is 0, or a pointer to such a block holding the Python
// traceback, which becomes a thrown PythonError.
// Host imports (`@tpy2wasm.host_import("env", "log")`, the section's "host_imports") take the same
// values the other way: a str or bytes argument is (pointer, length) valid during the call, and a
// str or bytes result is a [u32 length][bytes] block the host allocates with `tpy2wasm_alloc`.
import { ProcExit } from "./wasi.mjs";

export const EXPORTS_SECTION = "tpy2wasm.exports";

/** A Python exception that left an exported function; `traceback` is CPython's text of it. */
export class PythonError extends Error {
  constructor(traceback) {
    super(traceback.trimEnd());
    this.name = "PythonError";
    this.traceback = traceback;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The module's `tpy2wasm.exports` section: {functions, host_imports}. */
function describe(module) {
  const sections = WebAssembly.Module.customSections(module, EXPORTS_SECTION);
  if (sections.length === 0) throw new Error(`the module has no ${EXPORTS_SECTION} section: was it compiled with --export?`);
  return JSON.parse(decoder.decode(sections[0]));
}

/** The functions the module's `tpy2wasm.exports` section describes. */
export function describedFunctions(module) {
  return describe(module).functions;
}

/** The host functions the module imports (none for a command module, which has no section). */
function describedHostImports(module) {
  if (WebAssembly.Module.customSections(module, EXPORTS_SECTION).length === 0) return [];
  return describe(module).host_imports ?? [];
}

/**
 * The import object for the module's host imports, from plain JS functions:
 * `provided` is {env: {log(text) {...}}}; each gets JS values (int as a BigInt, float as a number,
 * bool, str as a string, bytes as a Uint8Array) and returns one for the declared result.
 * `exports()` gives the instance's exports once it exists. A missing function is an Error here,
 * before instantiation, naming every one that is missing.
 */
export function bindHostImports(module, provided, exports) {
  const imports = {};
  const missing = [];
  for (const description of describedHostImports(module)) {
    const given = provided?.[description.module]?.[description.import];
    if (typeof given !== "function") {
      missing.push(`${description.module}.${description.import}`);
      continue;
    }
    (imports[description.module] ??= {})[description.import] = (...raw) => callHost(exports(), given, description, raw);
  }
  if (missing.length > 0) {
    throw new Error(`the module imports host function(s) ${missing.join(", ")}: give them as the imports option, ` +
                    `e.g. {imports: {env: {name(...args) {...}}}}`);
  }
  return imports;
}

/** A host import called from Python: the Wasm values as JS values, and the result back. */
function callHost(exports, given, { name, params, result }, raw) {
  let position = 0;
  const args = params.map((type) => {
    if (type === "str" || type === "bytes") {
      const bytes = new Uint8Array(exports.memory.buffer, raw[position], raw[position + 1]).slice();
      position += 2;
      return type === "str" ? decoder.decode(bytes) : bytes;
    }
    const value = raw[position++];
    return type === "bool" ? value !== 0 : value;
  });
  const value = given(...args);
  if (result === "None") return undefined;
  const converted = toWasm(result, value, `host import ${name}() result`);
  return converted instanceof Uint8Array ? newBlock(exports, converted) : converted;
}

/** A [u32 length][bytes] block in memory the module allocates (and then owns). */
function newBlock(exports, bytes) {
  const pointer = exports.tpy2wasm_alloc(4 + bytes.length);
  new DataView(exports.memory.buffer).setUint32(pointer, bytes.length, true);
  new Uint8Array(exports.memory.buffer, pointer + 4, bytes.length).set(bytes);
  return pointer;
}

/**
 * One async JS function per described export, converting arguments and results.
 * `afterCall` runs after every call (the loader flushes stdout/stderr there).
 * A call that does not return (the module exits or traps, or a host function throws through
 * Python's frames) leaves the instance in no known state: every later call refuses to run.
 */
export function bindExports(module, instance, afterCall = () => {}) {
  const bound = {};
  const state = { ended: null };
  for (const description of describedFunctions(module)) {
    const target = instance.exports[description.name];
    if (typeof target !== "function") throw new Error(`${EXPORTS_SECTION} names ${description.name}, which the module does not export`);
    bound[description.name] = async (...args) => {
      try {
        return callExport(instance.exports, target, description, args, state);
      } finally {
        afterCall();
      }
    };
  }
  return bound;
}

function callExport(exports, target, { name, params, result }, args, state) {
  if (state.ended !== null) throw new Error(`the instance is unusable since ${state.ended}`);
  if (args.length !== params.length) {
    throw new TypeError(`${name}() takes ${params.length} argument(s) but ${args.length} were given`);
  }
  const converted = params.map((type, index) => toWasm(type, args[index], `${name}() argument ${index + 1}`));
  const flat = converted.flatMap((value) => (value instanceof Uint8Array ? passBytes(exports, value) : [value]));
  let raw;
  try {
    raw = target(...flat);
  } catch (error) {
    if (error instanceof ProcExit) {
      state.ended = `${name}() exited the module with status ${error.code}`;
      throw new Error(state.ended);
    }
    state.ended = `${name}() ended abnormally: ${error}`;
    throw error;
  }
  const failure = exports.tpy2wasm_error();
  if (failure !== 0) throw new PythonError(decoder.decode(takeBlock(exports, failure)));
  return fromWasm(exports, result, raw);
}

/** A JS value as the ABI's value for a Python type (bytes for str and bytes, passed later). */
function toWasm(type, value, where) {
  switch (type) {
    case "int": {
      const integer = typeof value === "bigint" ? value : Number.isInteger(value) ? BigInt(value) : null;
      if (integer === null) throw new TypeError(`${where} must be an integer (a BigInt or an integral number)`);
      if (BigInt.asIntN(64, integer) !== integer) throw new RangeError(`${where} does not fit in 64 bits`);
      return integer;
    }
    case "float":
      if (typeof value !== "number" && typeof value !== "bigint") throw new TypeError(`${where} must be a number`);
      return Number(value);
    case "bool":
      if (typeof value !== "boolean") throw new TypeError(`${where} must be a boolean`);
      return value ? 1 : 0;
    case "str":
      if (typeof value !== "string") throw new TypeError(`${where} must be a string`);
      return encoder.encode(value);
    case "bytes":
      if (value instanceof ArrayBuffer) return new Uint8Array(value);
      if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      throw new TypeError(`${where} must be a Uint8Array or an ArrayBuffer`);
    default:
      throw new Error(`${EXPORTS_SECTION}: unknown parameter type ${type}`);
  }
}

/** Copies bytes into memory the module allocates (and then owns): (pointer, length). */
function passBytes(exports, bytes) {
  const pointer = exports.tpy2wasm_alloc(bytes.length);
  new Uint8Array(exports.memory.buffer, pointer, bytes.length).set(bytes);
  return [pointer, bytes.length];
}

/** The bytes of a [u32 length][bytes] block, copied out; the block is freed. */
function takeBlock(exports, pointer) {
  const length = new DataView(exports.memory.buffer).getUint32(pointer, true);
  const bytes = new Uint8Array(exports.memory.buffer, pointer + 4, length).slice();
  exports.tpy2wasm_free(pointer);
  return bytes;
}

function fromWasm(exports, type, raw) {
  switch (type) {
    case "int":
      return raw;
    case "float":
      return raw;
    case "bool":
      return raw !== 0;
    case "None":
      return undefined;
    case "str":
      return decoder.decode(takeBlock(exports, raw));
    case "bytes":
      return takeBlock(exports, raw);
    default:
      throw new Error(`${EXPORTS_SECTION}: unknown result type ${type}`);
  }
}
