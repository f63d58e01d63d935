// Opens pages `tpy2wasm compile --html` wrote in the system's headless Chromium (playwright-core,
// pointed at its executable: no browser is ever downloaded) and reports what each run showed.
// Usage: node drive_page.mjs '{"chromium": PATH, "runs": [RUN, ...]}'  → JSON list on stdout, where
// RUN is {"url": ..., "inputs": {"argv": [...], "env": {...}, "stdin": "..."}} to fill the form and
// press Run, or {"url": ...?...&run=1} for a page that runs from its URL.
import { chromium } from "playwright-core";

const RUN_TIMEOUT_MS = 120_000;
const request = JSON.parse(process.argv[2]);
const browser = await chromium.launch({ executablePath: request.chromium, args: ["--no-sandbox"] });

async function drive(run) {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  const consoleLines = [];
  page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  await page.goto(run.url);
  if (run.inputs) {
    await page.waitForSelector("#status[data-state=ready]", { timeout: RUN_TIMEOUT_MS });
    await page.fill("#argv", run.inputs.argv.join("\n"));
    await page.fill("#env", Object.entries(run.inputs.env).map(([key, value]) => `${key}=${value}`).join("\n"));
    await page.fill("#stdin", run.inputs.stdin);
    await page.click("#run");
  }
  await page.waitForSelector("#status[data-exit-code]", { timeout: RUN_TIMEOUT_MS });
  const shown = await page.evaluate(() => {
    const text = (selector) => [...document.querySelectorAll(selector)].map((node) => node.textContent).join("");
    const status = document.getElementById("status");
    return { stdout: text("#output .stdout"), stderr: text("#output .stderr"),
             exitCode: Number(status.dataset.exitCode), status: status.textContent };
  });
  await page.close();
  return { ...shown, pageErrors, consoleLines };
}

try {
  const results = [];
  for (const run of request.runs) results.push(await drive(run));
  process.stdout.write(JSON.stringify(results));
} finally {
  await browser.close();
}
