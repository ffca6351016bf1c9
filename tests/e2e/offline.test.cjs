// The app works with the server stopped: after one visit the service worker serves every section.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { startServer, launchBrowser, phoneContext, waitForServiceWorker } = require("./harness.cjs");

const SECTIONS = [
  { tab: "Calculators", heading: "Calculators", path: "/calculators" },
  { tab: "Ranges", heading: "Reference ranges", path: "/ranges" },
  { tab: "Reagents", heading: "Reagents", path: "/reagents" },
  { tab: "Portfolio", heading: "Portfolio", path: "/portfolio" },
  { tab: "Settings", heading: "Settings", path: "/settings" },
];

test("every section renders offline after the server is stopped", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    await page.goto(server.url);
    await page.waitForSelector("main h1");
    await waitForServiceWorker(page);

    await server.stop();
    await page.reload();
    await page.waitForSelector("main h1");
    assert.equal(await page.textContent("main h1"), "Benchmate");

    for (const section of SECTIONS) {
      await page.tap(`nav >> text=${section.tab}`);
      await page.waitForURL(`**${section.path}`);
      assert.equal(await page.textContent("main h1"), section.heading, `${section.tab} renders offline`);
      assert.equal(await page.getAttribute(`nav a[href="${section.path}"]`, "aria-current"), "page");
    }

    // A cold start straight into a section, still offline.
    await page.goto(`${server.url}/reagents`);
    assert.equal(await page.textContent("main h1"), "Reagents");
    assert.deepEqual(errors, [], "no script errors");
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("settings survive a reload and the theme can be switched", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await phoneContext(browser, { colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(`${server.url}/settings`);
    await page.tap("text=Dark");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    await page.fill("#lab-name", "  Core Lab, St. Elsewhere  ");
    await page.tap("text=SI (mmol/L)");
    await page.reload();
    await page.waitForSelector("#lab-name");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    assert.equal(await page.inputValue("#lab-name"), "Core Lab, St. Elsewhere");
    assert.equal(await page.textContent(".lab-name"), "Core Lab, St. Elsewhere");
    assert.equal(await page.isChecked("text=SI (mmol/L)"), true);
  } finally {
    await browser.close();
    await server.stop();
  }
});
