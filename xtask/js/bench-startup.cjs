// Offline cold start, Benchmate beside an empty Leptos app: both served by the same small
// static server with the same generated service worker, which is then stopped; each run opens
// a new page and records when the first section's heading appears (a MutationObserver
// installed before any page script). Usage: node bench-startup.cjs APP_DIST BASELINE_DIST
"use strict";
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const { launchBrowser } = require("../../tests/e2e/harness.cjs");

const RUNS = 10;
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".png": "image/png", ".webmanifest": "application/manifest+json" };

function serve(dist, registerWorker) {
  const server = http.createServer((req, res) => {
    let file = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (file === "/" || !path.extname(file)) file = "/index.html";
    const full = path.join(dist, file);
    if (!full.startsWith(dist) || !fs.existsSync(full)) {
      res.writeHead(404).end();
      return;
    }
    let body = fs.readFileSync(full);
    // The empty app does not register a worker itself; give it the same one, for a fair race.
    if (registerWorker && file === "/index.html") {
      body = body.toString().replace("</body>", "<script>navigator.serviceWorker.register('/sw.js')</script></body>");
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" }).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const MARK = `
  new MutationObserver((_, observer) => {
    if (document.querySelector("main h1")) {
      window.__firstRender = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });`;

async function measure(browser, dist, registerWorker) {
  const server = await serve(path.resolve(dist), registerWorker);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(MARK);
  const first = await context.newPage();
  await first.goto(url);
  await first.waitForSelector("main h1");
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await first.close();
  await new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();

  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector("main h1");
    times.push(await page.evaluate(() => window.__firstRender));
    await page.close();
  }
  await context.close();
  times.sort((a, b) => a - b);
  return { median: (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2, min: times[0], max: times[RUNS - 1] };
}

(async () => {
  const [appDist, baselineDist] = process.argv.slice(2);
  const browser = await launchBrowser();
  try {
    const app = await measure(browser, appDist, false);
    const baseline = await measure(browser, baselineDist, true);
    const row = (name, r) => `${name.padEnd(18)} median ${r.median.toFixed(1).padStart(7)} ms   (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)})`;
    console.log(row("Benchmate", app));
    console.log(row("Empty Leptos app", baseline));
    console.log(`Benchmate / empty app: ${(app.median / baseline.median).toFixed(2)}x (budget: 1.5x)`);
  } finally {
    await browser.close();
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
