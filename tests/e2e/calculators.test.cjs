// Calculators at the bench, offline: find one, type the inputs, read the result; bad input is named.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { openOffline } = require("./harness.cjs");

test("anion gap and a unit conversion, offline, as a tech would do them", async () => {
  const { server, browser, context, page, errors } = await openOffline();
  try {

    await page.tap("nav >> text=Calculators");
    await page.fill("#calc-search", "anion");
    await page.tap("a:text-is('Anion gap')");
    await page.waitForURL("**/calculators/anion-gap");
    // domain-facts.md #10: 140 / 110 / 9.4 -> 20.6 mmol/L.
    await page.fill("#anion-gap-sodium", "140");
    await page.fill("#anion-gap-chloride", "110");
    assert.match(await page.textContent(".result"), /Enter Bicarbonate/i);
    await page.fill("#anion-gap-bicarbonate", "9.4");
    assert.equal(await page.textContent(".result-primary output"), "20.6");

    // Keep it: saved to IndexedDB, shown in Recent in another tab at once, and after a reload offline.
    const other = await context.newPage();
    await other.goto(`${server.url}/calculators`);
    await other.waitForSelector("main h1");
    await page.tap("text=Keep in recent");
    await page.waitForSelector("text=Saved on this device");
    await other.waitForSelector(".recent-list >> text=20.6 mmol/L");
    await other.close();

    await page.fill("#anion-gap-sodium", "14O");
    assert.match(await page.textContent(".result"), /Sodium.*not a number/);
    assert.equal(await page.getAttribute("#anion-gap-sodium", "aria-invalid"), "true");

    await page.reload();
    await page.tap("nav >> text=Calculators");
    await page.waitForSelector(".recent-list >> text=20.6 mmol/L");
    assert.match(await page.textContent(".recent-list"), /Sodium 140 mmol\/L/);

    await page.goto(`${server.url}/convert`);
    await page.fill("#convert-value", "90");
    assert.match(await page.textContent(".result"), /4\.99\d* mmol\/L/);
    await page.fill("#convert-to", "mmol/Lx");
    assert.match(await page.textContent(".result"), /To:/);
    // domain-facts.md #3: five 1:10 steps make 1:10^5, as a table to follow at the bench.
    await page.goto(`${server.url}/calculators/serial-dilution`);
    await page.fill("#serial-dilution-dilution_factor", "10");
    await page.fill("#serial-dilution-tubes", "5");
    await page.fill("#serial-dilution-tube_volume", "1");
    await page.waitForSelector(".result table");
    assert.equal(await page.locator(".result table tbody tr").count(), 5);
    assert.equal(await page.textContent(".result table tbody tr:last-child td:nth-child(2)"), "100000");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
