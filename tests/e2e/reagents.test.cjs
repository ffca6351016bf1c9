// Reagents at the bench, offline: receive boxes by typing a keyboard-wedge scan into the Receive
// field, move a lot through its lifecycle, enter QC runs and see the Levey-Jennings chart and a
// Westgard 1-3s rejection; after a reload with the server stopped, everything is still there.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { openOffline } = require("./harness.cjs");

// A DataMatrix scan as a wedge types it: symbology prefix ]d2, GTIN (01), expiry (17) 2028-06-30,
// serial (21) ended by the group separator (ASCII 29), then the lot (10).
const SCAN = "]d20104150000021126172806302112345ABC\x1D10LOT42X";
// The same GTIN as a wedge that drops the separator: the lot runs on into the expiry (17) 2028-07-31.
const SCAN_WITHOUT_SEPARATOR = "010415000002112610LOT43Y17280731";

test("receive by scan, lot lifecycle, QC chart and a 1-3s rejection, offline", async () => {
  const { server, browser, context, page, errors } = await openOffline();
  try {

    // Receive: the scan field has the focus; Enter reads the scan and fills the form.
    await page.tap("nav >> text=Reagents");
    await page.tap("text=Receive a lot");
    await page.waitForSelector("#receive-scan");
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === "receive-scan");
    await page.fill("#receive-scan", SCAN);
    await page.press("#receive-scan", "Enter");
    await page.waitForSelector("text=No reagent has the code 04150000021126 yet");
    assert.equal(await page.inputValue("#receive-lot"), "LOT42X");
    assert.equal(await page.inputValue("#receive-expiry"), "2028-06-30");
    assert.equal(await page.inputValue("#receive-gtin"), "04150000021126");
    assert.equal(await page.inputValue("#receive-serial"), "12345ABC");
    await page.fill("#receive-new-reagent", "Glucose reagent");
    await page.fill("#receive-by", "Ana");
    await page.tap("text=Confirm and save");
    await page.waitForSelector("text=Saved: lot LOT42X of Glucose reagent, received (quarantine).");
    assert.equal(await page.inputValue("#receive-scan"), "");

    // A bad check digit is refused with the reason.
    await page.fill("#receive-scan", "(01)04150000021127(10)X");
    await page.press("#receive-scan", "Enter");
    assert.match(await page.textContent("[role=alert]"), /could not be read: .*check digit/i);

    // A dropped separator: the hint restores it, and the known GTIN picks the reagent.
    await page.fill("#receive-scan", SCAN_WITHOUT_SEPARATOR);
    await page.press("#receive-scan", "Enter");
    await page.tap("text=Use the reading with the separator");
    assert.equal(await page.inputValue("#receive-lot"), "LOT43Y");
    assert.equal(await page.inputValue("#receive-expiry"), "2028-07-31");
    await page.waitForSelector("text=Read Glucose reagent: lot LOT43Y, expiry 2028-07-31");
    assert.equal(await page.$eval("#receive-reagent", (s) => s.options[s.selectedIndex].text), "Glucose reagent");
    await page.fill("#receive-by", "Ana");
    await page.tap("text=Confirm and save");
    await page.waitForSelector("text=Saved: lot LOT43Y of Glucose reagent");

    // The lot page: into use without verification needs a reason; the change is logged.
    await page.tap("text=Open the lot");
    await page.waitForSelector("h1:has-text('lot LOT43Y')");
    assert.equal(await page.textContent(".lot-status"), "received (quarantine)");
    await page.fill("#lot-person", "Ana");
    await page.tap("text=Put into use");
    assert.match(await page.textContent("[role=alert]"), /needs a recorded reason/);
    await page.fill("#lot-reason", "current lot used up; verification runs tonight");
    await page.tap("text=Put into use");
    await page.waitForSelector("text=Saved: the lot is now in use.");
    await page.waitForSelector(".lot-status:has-text('in use')");
    assert.match(await page.textContent(".status-log"), /received \(quarantine\) → in use, .* by Ana: current lot used up.*\(without verification\)/);
    assert.match(await page.textContent("table.history"), /status/);

    // QC: a control lot with its insert target, ten in-control runs, then a 1-3s violation.
    await page.goto(`${server.url}/reagents/qc`);
    await page.fill("#control-material", "Chemistry control");
    await page.fill("#control-level", "1");
    await page.fill("#control-lot", "QC26430");
    await page.fill("#control-expiry", "2028-01-31");
    await page.fill("#control-analyte", "Glucose");
    await page.fill("#control-analyser", "A1");
    await page.fill("#control-unit", "mmol/L");
    await page.fill("#control-mean", "5.0");
    await page.fill("#control-sd", "0.1");
    await page.tap("text=Save control lot");
    await page.waitForSelector(".qc-run input[inputmode=decimal]");
    await page.fill("#qc-by", "Ana");
    // Alternating sides, all within 1 SD of 5.0: no rule can break.
    const inControl = ["5.05", "4.95", "5.02", "4.98", "5.08", "4.93", "5.01", "4.97", "5.04", "4.96"];
    for (const [i, value] of inControl.entries()) {
      await page.fill(".qc-run input[inputmode=decimal]", value);
      await page.tap("text=Save run");
      await page.waitForFunction((n) => document.querySelectorAll(".lj-chart .lj-point").length === n, i + 1);
    }
    await page.waitForSelector("text=No Westgard rule broken: accept the run.");
    assert.equal(await page.locator(".lj-chart .sd-line").count(), 7);
    assert.match(await page.textContent(".lj-chart svg"), /-3 SD.*-2 SD.*-1 SD.*Mean.*\+1 SD.*\+2 SD.*\+3 SD/s);
    // 5.35 is (5.35 - 5.0) / 0.1 = 3.5 SD above the mean: 1-3s rejects the run (and 1-2s warns).
    await page.fill(".qc-run input[inputmode=decimal]", "5.35");
    await page.tap("text=Save run");
    await page.waitForSelector(".qc-outcome >> text=1-3s (rejects the run)");
    assert.match(await page.textContent(".qc-outcome"), /Level 1 \(5\.35 mmol\/L\), this run/);
    assert.match(await page.textContent(".qc-outcome"), /Reject the run \(random error\)/);
    await page.waitForSelector(".lj-chart rect.lj-point.reject");
    assert.match(await page.textContent(".lj-chart .flagged"), /5\.35 mmol\/L \(1-2s, 1-3s\)/);

    // Reload with the server still stopped: lots, status and QC are still there.
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll(".lj-chart .lj-point").length === 11);
    await page.goto(`${server.url}/reagents`);
    await page.waitForSelector(".lot-list >> text=lot LOT42X");
    assert.match(await page.textContent("main"), /lot LOT43Y[\s\S]*in use/);
    await page.goto(server.url);
    await page.waitForSelector("main h1");
    assert.match(await page.textContent("main"), /Expiring soon/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
