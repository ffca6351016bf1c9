// Sections are wasm chunks fetched when first opened: a first visit fetches none of them, and
// a chunk that cannot be fetched shows a clear message, never a broken app.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { startServer, launchBrowser, phoneContext } = require("./harness.cjs");

const CALCULATORS_CHUNK = /\/split_calculators-[0-9a-f]{16}\.wasm$/;

test("a first visit fetches no section's chunk, and a chunk that fails to load is explained", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    // No service worker: it would precache every chunk, and this is about the network.
    const context = await phoneContext(browser, { serviceWorkers: "block" });
    const page = await context.newPage();
    const errors = [];
    const fetched = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await context.route(CALCULATORS_CHUNK, (route) => route.abort("internetdisconnected"));

    await page.goto(server.url);
    await page.waitForSelector("main h1");
    assert.equal(await page.textContent("main h1"), "Benchmate");
    assert.deepEqual(fetched.filter((path) => path.startsWith("/split_")), [], "the start page needs no section");

    await page.tap("nav >> text=Calculators");
    await page.waitForSelector("main h1:text-is('This section could not be loaded')");
    assert.match(await page.textContent("main [role=alert]"), /try again; nothing you saved is lost/);

    // "Try again" reloads the page; with the network still failing, the same explanation.
    await page.tap("text=Try again");
    await page.waitForURL("**/calculators");
    await page.waitForSelector("main h1:text-is('This section could not be loaded')");

    // The rest of the app still works, other sections included.
    await page.tap("nav >> text=Ranges");
    await page.waitForSelector("main h1:text-is('Reference ranges')");
    assert.ok(fetched.some((path) => path.startsWith("/split_ranges-")), `fetched: ${fetched}`);

    // A failure is not remembered: once the network answers, the section opens.
    await context.unroute(CALCULATORS_CHUNK);
    await page.tap("nav >> text=Calculators");
    await page.waitForSelector("main h1:text-is('Calculators')");
    // Playwright's blocked registration resolves to undefined, which src/pwa reads `waiting`
    // of; real browsers reject instead. An artifact of the set-up, so it is left out here.
    assert.deepEqual(errors.filter((error) => !error.includes("reading 'waiting'")), []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
