// Reagents at the bench, offline: receive boxes by typing a keyboard-wedge scan into the Receive
// field, move a lot through its lifecycle, enter QC runs and see the Levey-Jennings chart and a
// Westgard 1-3s rejection, establish the lab's own target from 20 runs, change the expiry alert
// days, verify a new lot with a sign-off and download its CSV audit trail; after a reload with
// the server stopped, everything is still there.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
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

    // Establishing the lab's own target: the rejected run does not count, so after 11 runs
    // there are 10 in-control runs; ten more make the 20 the app needs.
    await page.waitForSelector(".establish >> text=Level 1: 10 of 20 in-control runs so far");
    for (const [i, value] of inControl.entries()) {
      await page.fill(".qc-run input[inputmode=decimal]", value);
      await page.tap("text=Save run");
      await page.waitForFunction((n) => document.querySelectorAll(".lj-chart .lj-point").length === n, 12 + i);
    }
    // The 20 values have mean 4.999 and sample SD sqrt(0.04258 / 19) = 0.0473.
    const established = await page.textContent(".establish");
    assert.match(established, /Established from 20 in-control results over 20 runs: mean 5\.00 mmol\/L, SD 0\.047 mmol\/L/);
    assert.match(established, /1 result\(s\) in rejected runs were left out/);
    assert.match(established, /In use: mean 5\.00 mmol\/L, SD 0\.100 mmol\/L \(from the package insert\)/);
    await page.tap("text=Adopt the established mean and SD");
    await page.waitForSelector(".establish >> text=In use: mean 5.00 mmol/L, SD 0.047 mmol/L (established from 20 runs).");
    assert.equal(await page.locator("text=Adopt the established mean and SD").count(), 0);

    // Expiry alert days are a lab setting: bad input is refused, a good one regroups the lots.
    await page.goto(`${server.url}/reagents`);
    await page.waitForSelector("h3:text-is('Later than 30 days')");
    await page.tap("summary:text-is('Expiry alert days')");
    await page.fill("#expiry-soon", "0");
    await page.tap("text=Save alert days");
    await page.waitForSelector("[role=alert] >> text=First alert: 0 days is outside 1 to 365");
    await page.fill("#expiry-soon", "60");
    await page.fill("#expiry-later", "45");
    await page.tap("text=Save alert days");
    await page.waitForSelector("[role=alert] >> text=must be sooner than the second");
    await page.fill("#expiry-soon", "14");
    await page.fill("#expiry-later", "60");
    await page.tap("text=Save alert days");
    await page.waitForSelector("text=Saved: alerts at 14 and 60 days.");
    await page.waitForSelector("h3:text-is('Later than 60 days')");
    assert.equal(await page.inputValue("#expiry-soon"), "14");

    // New-lot verification of LOT42X, signed off: the lot can then be marked verified.
    await page.tap(".lot-list >> text=lot LOT42X");
    await page.waitForSelector("h1:has-text('lot LOT42X')");
    await page.tap("text=record the verification");
    await page.waitForSelector("h1:text-is('New-lot verification')");
    await page.fill("#verify-analyte", "Glucose");
    await page.fill("#verify-limit", "10");
    for (const [i, [current, fresh]] of [["5.0", "5.1"], ["7.2", "7.0"], ["12.5", "12.9"]].entries()) {
      await page.fill(`[aria-label='Sample ${i + 1} on the current lot']`, current);
      await page.fill(`[aria-label='Sample ${i + 1} on the new lot']`, fresh);
    }
    await page.waitForSelector("text=Pass: every sample is within the limit.");
    await page.fill("#verify-by", "Ana");
    await page.tap("text=Save verification");
    await page.waitForSelector("text=Saved: waiting for a supervisor's sign-off.");
    await page.fill("#verify-supervisor", "Dr. Lee");
    await page.tap("button:text-is('Sign off')");
    await page.waitForSelector("text=Signed off: the lot can now be marked verified.");
    await page.waitForSelector("text=/Signed off by Dr\\. Lee on/");
    await page.tap("text=Back to the lot");
    await page.waitForSelector("dd:text-is('recorded and signed off')");
    await page.fill("#lot-person", "Ana");
    await page.tap("text=Mark verified");
    await page.waitForSelector("text=Saved: the lot is now verified.");
    await page.waitForSelector(".lot-status:text-is('verified')");

    // The lot's CSV audit export downloads with its history: the status change and the
    // verification's sign-off are rows of it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.tap("text=Export history (CSV)")]);
    assert.equal(download.suggestedFilename(), "audit-lot-LOT42X.csv");
    const csv = fs.readFileSync(await download.path(), "utf8");
    const lines = csv.trim().split(/\r?\n/);
    assert.equal(lines[0], "when (UTC),record,kind,field,old value,new value,by");
    assert.ok(lines.some((l) => l.includes(",Lot LOT42X,reagent_lot,status,") && /,verified,/.test(l)), csv);
    assert.ok(lines.some((l) => l.includes("Verification of lot LOT42X") && l.includes("sign_off")), csv);

    // Reload with the server still stopped: lots, status and QC are still there.
    await page.goto(`${server.url}/reagents/qc`);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll(".lj-chart .lj-point").length === 21);
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
