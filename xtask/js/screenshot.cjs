// Takes the README's screenshot: the app on a phone-sized screen, served by the real server.
// Usage: node screenshot.cjs OUTPUT.png
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { startServer, launchBrowser, phoneContext } = require("../../tests/e2e/harness.cjs");

(async () => {
  const output = process.argv[2];
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await phoneContext(browser, { deviceScaleFactor: 1, colorScheme: "light" });
    const page = await context.newPage();
    // A calculator with a result: what a tech sees at the bench (domain-facts.md #10).
    await page.goto(`${server.url}/calculators/anion-gap`);
    await page.waitForSelector("main h1");
    await page.fill("#anion-gap-sodium", "140");
    await page.fill("#anion-gap-chloride", "110");
    await page.fill("#anion-gap-bicarbonate", "9.4");
    await page.waitForSelector(".result-primary");
    fs.mkdirSync(path.dirname(output), { recursive: true });
    await page.screenshot({ path: output });
    console.log(`wrote ${output}`);
  } finally {
    await browser.close();
    await server.stop();
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
