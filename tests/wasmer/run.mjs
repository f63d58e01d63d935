// Runs a WASI command module under @wasmer/sdk (Node entry point), as one package command.
// Usage: node --no-warnings run.mjs '{"wasm": PATH, "argv": [...], "env": {...}}' < stdin
// argv[0] is the command's name ("main"): the SDK sets it, not the caller.
// Prints the module's stdout and stderr to this process's, and exits with its exit code.
import { readFile } from "node:fs/promises";
import { ProcessExitError, Wasmer } from "@wasmer/sdk/node";

const request = JSON.parse(process.argv[2]);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const wasmer = await Wasmer.create({ cache: false });
const pkg = await wasmer.packages.create({
  modules: { main: new Uint8Array(await readFile(request.wasm)) },
  commands: { main: { module: "main" } },
  entrypoint: "main",
});
const sandbox = await wasmer.createSandbox({ packages: [pkg], env: request.env, network: { mode: "disabled" } });
const command = sandbox.command(pkg.command("main"), request.argv.slice(1));
let output;
try {
  output = await command.run({ stdin: Buffer.concat(chunks) });
} catch (error) {
  if (!(error instanceof ProcessExitError)) throw error;
  output = error.output; // a non-zero exit status
}
if (output.stdout.truncated || output.stderr.truncated) throw new Error("the SDK truncated the captured output");
// A write to a pipe completes asynchronously: exit only once both have drained, or a reader
// slower than the guest sees the output cut at a pipe-buffer boundary.
const drained = (stream, bytes) => new Promise((resolve) => stream.write(bytes, resolve));
await drained(process.stdout, output.stdout.bytes);
await drained(process.stderr, output.stderr.bytes);
await sandbox.close();
await wasmer.shutdown();
process.exit(output.exitCode);
