// axe-core on every section, light and dark: no serious or critical accessibility violation.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { startServer, launchBrowser, phoneContext } = require("./harness.cjs");

const PATHS = [
  "/", "/calculators", "/calculators/crcl-cockcroft-gault", "/convert", "/ranges", "/ranges/potassium", "/ranges/calls",
  "/ranges/lab", "/reagents", "/reagents/receive", "/reagents/qc", "/reagents/items/new", "/portfolio", "/portfolio/ce",
  "/portfolio/ce/new", "/portfolio/credentials/new", "/portfolio/credentials/none", "/portfolio/items",
  "/portfolio/transcript/none", "/settings",
];

for (const colorScheme of ["light", "dark"]) {
  test(`no serious or critical axe violations (${colorScheme})`, async () => {
    const server = await startServer();
    const browser = await launchBrowser();
    try {
      // axe is injected as a script, which the app's Content-Security-Policy rightly refuses.
      const context = await phoneContext(browser, { colorScheme, bypassCSP: true });
      const page = await context.newPage();
      const failures = [];
      for (const path of PATHS) {
        await page.goto(`${server.url}${path}`);
        await page.waitForSelector("main h1");
        await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
        const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
        for (const violation of results.violations) {
          if (violation.impact === "serious" || violation.impact === "critical") {
            const where = violation.nodes.map((node) => node.target.join(" ")).join(", ");
            failures.push(`${path}: ${violation.id} (${violation.impact}): ${violation.help} at ${where}`);
          }
        }
      }
      assert.deepEqual(failures, []);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
