// The page `tpy2wasm compile --html` writes: inputs for argv, environment and stdin, a Run
// button, the program's stdout and stderr as it writes them, and its exit status.
// The URL can fill the inputs (?argv=a&argv=b&env=K=V&stdin=text) and start a run (&run=1).
import { compileModule, loadReactor, moduleKind, runCommand } from "./loader.mjs";

const page = {
  form: document.getElementById("inputs"),
  argv: document.getElementById("argv"),
  env: document.getElementById("env"),
  stdin: document.getElementById("stdin"),
  run: document.getElementById("run"),
  output: document.getElementById("output"),
  status: document.getElementById("status"),
};
const { module: moduleUrl, program } = document.body.dataset;
const STREAM_CLASSES = { 1: "stdout", 2: "stderr" };
const CONSOLE = { 1: console.log, 2: console.error };

function showStatus(text, state, exitCode = null) {
  page.status.textContent = text;
  page.status.className = state;
  page.status.dataset.state = state;
  if (exitCode === null) delete page.status.dataset.exitCode;
  else page.status.dataset.exitCode = String(exitCode);
}

function fillFromUrl() {
  const query = new URLSearchParams(location.search);
  if (query.has("argv")) page.argv.value = query.getAll("argv").join("\n");
  if (query.has("env")) page.env.value = query.getAll("env").join("\n");
  if (query.has("stdin")) page.stdin.value = query.get("stdin");
  return query.get("run") === "1";
}

function lines(text) {
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}

function environment() {
  const env = {};
  for (const line of lines(page.env.value)) {
    const equals = line.indexOf("=");
    if (equals > 0) env[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return env;
}

/** Appends text to the output area, in a span per stretch of one stream; and to the console. */
function writer() {
  const pending = { 1: "", 2: "" };
  const write = (fd, text) => {
    const last = page.output.lastElementChild;
    if (last?.className === STREAM_CLASSES[fd]) {
      last.append(text);
    } else {
      const span = document.createElement("span");
      span.className = STREAM_CLASSES[fd];
      span.textContent = text;
      page.output.append(span);
    }
    const complete = (pending[fd] + text).split("\n");
    pending[fd] = complete.pop();
    complete.forEach((line) => CONSOLE[fd](line));
  };
  const end = () => Object.entries(pending).forEach(([fd, rest]) => rest && CONSOLE[fd](rest));
  return { write, end };
}

async function runOnce(module) {
  page.run.disabled = true;
  page.output.replaceChildren();
  showStatus("running…", "running");
  await new Promise((resolve) => setTimeout(resolve));  // let the page paint before the module takes over
  const { write, end } = writer();
  try {
    const exitCode = await runCommand(module, {
      args: [program, ...lines(page.argv.value)],
      env: environment(),
      stdin: page.stdin.value,
      write,
    });
    showStatus(`exit status ${exitCode}`, exitCode === 0 ? "succeeded" : "failed", exitCode);
  } catch (error) {
    showStatus(`the run failed: ${error}`, "failed");
  } finally {
    end();
    page.run.disabled = false;
  }
}

/**
 * A library module: its exports become `tpy2wasm.NAME(...)` for the console and for scripts.
 * The host functions it imports come from `globalThis.tpy2wasmHostImports` ({env: {log(text) {...}}}),
 * which a script of the page's author sets before this one runs.
 */
async function showReactor(module) {
  let functions;
  try {
    functions = await loadReactor(module, { write: writer().write, imports: globalThis.tpy2wasmHostImports });
  } catch (error) {
    showStatus(`cannot start the library: ${error.message}`, "failed");
    return;
  }
  globalThis.tpy2wasm = functions;
  page.form.hidden = true;
  showStatus(`a library module: call ${Object.keys(functions).join(", ")} from the console as tpy2wasm.NAME(...)`, "succeeded");
}

async function main() {
  const autorun = fillFromUrl();
  let module;
  try {
    module = await compileModule(moduleUrl);
  } catch (error) {
    showStatus(`cannot load ${moduleUrl}: ${error.message} (serve this folder over http, e.g. tpy2wasm serve)`, "failed");
    return;
  }
  if (moduleKind(module) === "reactor") return showReactor(module);
  page.form.addEventListener("submit", (event) => {
    event.preventDefault();
    runOnce(module);
  });
  page.run.disabled = false;
  showStatus("ready", "ready");
  if (autorun) runOnce(module);
}

main();
