// Loads a tpy2wasm module in a browser or in Node with our WASI shim (wasi.mjs).
//
// A command module (it exports `_start`) runs once, like `python3.11 app.py`: `runCommand`.
// A reactor module (`--export`, it exports `_initialize`) is initialised once and its typed
// functions become JS functions: `loadReactor` (the ABI lives in reactor.mjs).
import { ProcExit, Wasi } from "./wasi.mjs";
import { bindExports, bindHostImports } from "./reactor.mjs";

/** The status a trap gets, as `tpy2wasm run` gives it: programs must never trap. */
export const EXIT_TRAP = 134;

/** A compiled module from a URL, a fetch Response, bytes, or a module already compiled. */
export async function compileModule(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (typeof source === "string" || source instanceof URL) source = await fetch(source);
  if (typeof Response !== "undefined" && source instanceof Response) {
    if (!source.ok) throw new Error(`cannot load ${source.url}: HTTP ${source.status}`);
    return WebAssembly.compile(await source.arrayBuffer());
  }
  return WebAssembly.compile(source);
}

/** Whether the module is a command (`_start`) or a reactor (`_initialize`). */
export function moduleKind(module) {
  const names = WebAssembly.Module.exports(module).map((entry) => entry.name);
  if (names.includes("_start")) return "command";
  if (names.includes("_initialize")) return "reactor";
  throw new Error("not a WASI module: it exports neither _start nor _initialize");
}

async function instantiate(module, options) {
  const wasi = new Wasi(options);
  let instance = null;
  const hostImports = bindHostImports(module, options.imports, () => instance.exports);
  instance = await WebAssembly.instantiate(module, { ...hostImports, ...wasi.imports(module) });
  wasi.bind(instance);
  return { wasi, instance };
}

/**
 * Runs a command module to its end and resolves to its exit status.
 * @param options {args, env, stdin (string or bytes, all of it), write(fd, text)}
 */
export async function runCommand(source, options = {}) {
  const module = await compileModule(source);
  const { wasi, instance } = await instantiate(module, options);
  let exitCode = 0;
  let trap = null;
  try {
    instance.exports._start();
  } catch (error) {
    if (error instanceof ProcExit) exitCode = error.code;
    else if (error instanceof WebAssembly.RuntimeError || error instanceof RangeError) trap = error;
    else throw error;
  } finally {
    wasi.flush();
  }
  if (trap !== null) {
    (options.write ?? (() => {}))(2, `tpy2wasm: the module trapped (a tpy2wasm bug): ${trap.message}\n`);
    exitCode = EXIT_TRAP;
  }
  return exitCode;
}

/**
 * Instantiates a reactor module, calls `_initialize` once, and resolves to an object with one
 * async function per function its `tpy2wasm.exports` section describes.
 * @param options as for runCommand (the functions' prints go to write(fd, text)), and
 *   imports: the host functions the program declares with @tpy2wasm.host_import(MODULE, NAME),
 *   as {MODULE: {NAME(...args) {...}}}; they get and return plain JS values (see reactor.mjs)
 */
export async function loadReactor(source, options = {}) {
  const module = await compileModule(source);
  const { wasi, instance } = await instantiate(module, options);
  try {
    instance.exports._initialize();
  } catch (error) {
    if (error instanceof ProcExit) throw new Error(`the module exited with status ${error.code} while initialising`);
    throw error;
  } finally {
    wasi.flush();
  }
  return bindExports(module, instance, () => wasi.flush());
}
