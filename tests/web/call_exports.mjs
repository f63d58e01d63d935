// Calls a reactor's exports from JavaScript in the page `tpy2wasm compile --export … --html` wrote,
// in the system's headless Chromium (playwright-core pointed at its executable).
// Usage: node call_exports.mjs '{"chromium": PATH, "url": URL, "calls": [[NAME, [ARG, ...]], ...]}'
// An ARG or result is {"int": "decimal"} | {"float": x} | {"bool": b} | {"str": s} | {"bytes": "hex"} | {"None": null}.
// Prints JSON: {"results": [{"result": VALUE} | {"error": TRACEBACK}], "recorded": [[message, number]],
// "stdout", "stderr", "status", "pageErrors", "afterHostThrew": [what a call whose host function
// throws gives, what the next call gives], "withoutHostImports": the status of the page loaded
// without its host functions}.
import { chromium } from "playwright-core";

const TIMEOUT_MS = 120_000;
const request = JSON.parse(process.argv[2]);
const browser = await chromium.launch({ executablePath: request.chromium, args: ["--no-sandbox"] });

// What the page's author would put in a script before page.mjs: the host functions the program
// imports, doing what tests/exports/calculator.py's stubs do under CPython.
function defineHostImports() {
  globalThis.recordedByHost = [];
  globalThis.tpy2wasmHostImports = {
    env: {
      record: (message, number) => { globalThis.recordedByHost.push([message, Number(number)]); },
      twice: (x) => {
        if (globalThis.hostRefuses) throw new Error("the host refuses");
        return 2 * x;
      },
      shout: (text) => text.toUpperCase() + "!",
    },
  };
}

async function callInPage(calls) {
  const decode = (arg) => {
    const [[type, value]] = Object.entries(arg);
    if (type === "int") return BigInt(value);
    if (type === "bytes") return Uint8Array.from(value.match(/../g) ?? [], (pair) => parseInt(pair, 16));
    return value;
  };
  const encode = (value) => {
    switch (typeof value) {
      case "bigint": return { int: String(value) };
      case "number": return { float: value };
      case "boolean": return { bool: value };
      case "string": return { str: value };
      case "undefined": return { None: null };
      default: return { bytes: [...value].map((byte) => byte.toString(16).padStart(2, "0")).join("") };
    }
  };
  const results = [];
  for (const [name, args] of calls) {
    try {
      results.push({ result: encode(await globalThis.tpy2wasm[name](...args.map(decode))) });
    } catch (error) {
      results.push({ error: error.name === "PythonError" ? error.traceback : `not a PythonError: ${error}` });
    }
  }
  const text = (selector) => [...document.querySelectorAll(selector)].map((node) => node.textContent).join("");
  return { results, recorded: globalThis.recordedByHost, stdout: text("#output .stdout"),
           stderr: text("#output .stderr"), status: document.getElementById("status").textContent };
}

/** A host function that throws through Python's frames: the error, and then every call refuses. */
async function hostThrows() {
  globalThis.hostRefuses = true;
  const outcomes = [];
  for (const call of [() => globalThis.tpy2wasm.use_host("x", 1.5), () => globalThis.tpy2wasm.add(1n, 2n)]) {
    outcomes.push(await call().then((value) => `returned ${value}`, (error) => String(error)));
  }
  return outcomes;
}

async function settledStatus(page) {
  await page.waitForSelector("#status[data-state=succeeded], #status[data-state=failed]", { timeout: TIMEOUT_MS });
  return page.textContent("#status");
}

try {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.addInitScript(defineHostImports);
  await page.goto(request.url);
  await settledStatus(page);
  const shown = await page.evaluate(callInPage, request.calls);
  const afterHostThrew = await page.evaluate(hostThrows);
  const bare = await browser.newPage();
  await bare.goto(request.url);
  const withoutHostImports = await settledStatus(bare);
  process.stdout.write(JSON.stringify({ ...shown, pageErrors, afterHostThrew, withoutHostImports }));
} finally {
  await browser.close();
}
