// A new version is offered, never forced: when a new service worker is deployed, the running
// app says "A new version of Benchmate is ready" and reloads only when the user taps Reload.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { startServer, launchBrowser, phoneContext, waitForServiceWorker } = require("./harness.cjs");

// The debug server reads the built app from dist/ on each request, so a changed file is a deploy.
const WORKER = path.join(__dirname, "../../dist/sw.js");

test("a deployed update is announced and applied on Reload", async () => {
  const original = fs.readFileSync(WORKER, "utf8");
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/settings`);
    await waitForServiceWorker(page);
    const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
    assert.equal(await page.isVisible(".update-banner"), false, "no banner without an update");

    fs.writeFileSync(WORKER, original.replace(/const VERSION = "[^"]*"/, 'const VERSION = "update-test"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector(".update-banner", { timeout: 30000 });
    assert.match(await page.textContent(".update-banner"), /A new version of Benchmate is ready/);
    // The old version keeps running until the user says so.
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), before);

    await Promise.all([page.waitForEvent("load"), page.tap(".update-banner >> text=Reload")]);
    await page.waitForSelector("main h1");
    const caches = await page.evaluate(() => caches.keys());
    assert.ok(caches.includes("benchmate-update-test"), `the new version's cache is in use: ${caches}`);
    assert.equal(await page.isVisible(".update-banner"), false);
  } finally {
    fs.writeFileSync(WORKER, original);
    await browser.close();
    await server.stop();
  }
});
