// The ABI of a reactor module's typed exports (`tpy2wasm compile --export NAME`), as JS functions.
//
// The custom section `tpy2wasm.exports` describes each function:
//   {"functions": [{"name": "add", "params": ["int", "str"], "result": "float"}]}
// int is an i64 (a BigInt here), float an f64, bool an i32; a str or bytes argument is
// (pointer, length) into memory from `tpy2wasm_alloc(length)` (the callee owns it); a str or bytes
// result is a pointer to [u32 little-endian length][bytes] that we free with `tpy2wasm_free`.
// After every call `tpy2wasm_error()` is 0, or a pointer to such a block holding the Python
// traceback, which becomes a thrown PythonError.
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

/** The functions the module's `tpy2wasm.exports` section describes. */
export function describedFunctions(module) {
  const sections = WebAssembly.Module.customSections(module, EXPORTS_SECTION);
  if (sections.length === 0) throw new Error(`the module has no ${EXPORTS_SECTION} section: was it compiled with --export?`);
  return JSON.parse(decoder.decode(sections[0])).functions;
}

/**
 * One async JS function per described export, converting arguments and results.
 * `afterCall` runs after every call (the loader flushes stdout/stderr there).
 */
export function bindExports(module, instance, afterCall = () => {}) {
  const bound = {};
  for (const description of describedFunctions(module)) {
    const target = instance.exports[description.name];
    if (typeof target !== "function") throw new Error(`${EXPORTS_SECTION} names ${description.name}, which the module does not export`);
    bound[description.name] = async (...args) => {
      try {
        return callExport(instance.exports, target, description, args);
      } finally {
        afterCall();
      }
    };
  }
  return bound;
}

function callExport(exports, target, { name, params, result }, args) {
  if (args.length !== params.length) {
    throw new TypeError(`${name}() takes ${params.length} argument(s) but ${args.length} were given`);
  }
  const converted = params.map((type, index) => toWasm(type, args[index], `${name}() argument ${index + 1}`));
  const flat = converted.flatMap((value) => (value instanceof Uint8Array ? passBytes(exports, value) : [value]));
  let raw;
  try {
    raw = target(...flat);
  } catch (error) {
    if (error instanceof ProcExit) throw new Error(`${name}() exited the module with status ${error.code}`);
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
