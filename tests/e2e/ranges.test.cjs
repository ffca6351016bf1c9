// Reference ranges at the bench: find potassium with "K", flag a critical result for an adult,
// log the call, and find the call again offline; a lab's own table imported with one bad row,
// then edited on the analyte's page; a condition (fasting) choosing its own interval.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { startServer, launchBrowser, phoneContext, waitForServiceWorker } = require("./harness.cjs");

test("K, potassium 6.8 mmol/L for an adult is critical high, the call is logged and kept offline", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    await page.goto(server.url);
    await waitForServiceWorker(page);

    await page.tap("nav >> text=Ranges");
    await page.waitForSelector("#defaults-notice");
    assert.match(await page.textContent("#defaults-notice"), /Each lab must verify/);
    await page.fill("#range-search", "K");
    // Potassium's abbreviation is K: it is the first result.
    await page.waitForSelector(".analyte-list li");
    assert.equal((await page.textContent(".analyte-list li:first-child .analyte-name")).trim(), "Potassium");
    await page.tap(".analyte-list li:first-child a");
    await page.waitForURL("**/ranges/potassium");
    assert.match(await page.textContent(".analyte-facts"), /2823-3/);

    // Without an age, the age-dependent interval says so rather than guessing.
    assert.match(await page.textContent(".intervals"), /depends on age: enter the patient's age/);
    await page.fill("#patient-age", "45");
    // intervals.csv: adult 3.5 to 5.1 mmol/L (Tietz), critical below 2.8 or above 6.2 mmol/L.
    await page.waitForSelector(".intervals >> text=3.5 to 5.1 mmol/L");
    assert.match(await page.textContent(".intervals"), /Shown: Benchmate default, verify locally/);
    assert.match(await page.textContent(".intervals"), /below 2\.8 or above 6\.2 mmol\/L/);

    await page.fill("#flag-value", "4.2");
    assert.equal((await page.textContent(".flag-text")).trim(), "normal");
    // 27 mg/dL of potassium = 270 mg/L / 39.098 g/mol = 6.9 mmol/L: converted, then critical.
    await page.selectOption("#flag-unit", "other");
    await page.fill("#flag-unit-other", "mg/dL");
    await page.fill("#flag-value", "27");
    assert.equal((await page.textContent(".flag-text")).trim(), "critical high");
    await page.fill("#flag-unit-other", "mL");
    assert.match(await page.textContent(".flag-outcome"), /Not flagged/);
    assert.match(await page.textContent(".flag-outcome"), /Cannot convert mL to mmol\/L/);
    await page.selectOption("#flag-unit", "mmol/L");
    await page.fill("#flag-value", "6.8");
    assert.equal((await page.textContent(".flag-text")).trim(), "critical high");
    assert.match(await page.getAttribute(".flag", "class"), /flag-hh/);

    // One tap opens the call form with the result filled in.
    await page.tap("#log-call");
    assert.match(await page.textContent(".call-summary"), /Potassium 6\.8 mmol\/L \(critical high\)/);
    await page.tap("#save-call");
    assert.match(await page.textContent(".call-form [role=alert]"), /Name of the person notified is required/);
    await page.fill("#call-notified-name", "Dr. Amara Osei");
    await page.fill("#call-notified-role", "physician");
    await page.check("#call-read-back");
    await page.fill("#call-caller", "J. Rivera, MLS");
    await page.fill("#call-accession", "A-2026-0042");
    await page.tap("#save-call");
    await page.waitForSelector("text=Saved in the lab's call log");

    // The server goes away; the app and the call are still there after a reload.
    await server.stop();
    await page.goto(`${server.url}/ranges/calls`);
    await page.reload();
    await page.waitForSelector(".call-list >> text=Potassium 6.8 mmol/L");
    assert.match(await page.textContent(".call-list"), /Dr\. Amara Osei \(physician\), read back/);
    await page.tap(".call-list a");
    await page.waitForSelector("table.history tbody tr");
    const history = await page.textContent("table.history");
    assert.match(history, /notified name.*Dr\. Amara Osei/s);
    assert.match(history, /accession.*A-2026-0042/s);
    assert.match(await page.textContent(".call-facts"), /J\. Rivera, MLS/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("a lab table with one bad row: the report names the line, the good rows win over the defaults", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    await page.goto(`${server.url}/ranges/lab`);
    await page.waitForSelector("#lab-table-count");
    const csv = [
      "analyte,category,sex,age_from,age_to,gest_from,gest_to,condition,low,high,unit,source,note",
      "potassium,reference,any,18y,,,,,3.6,5.0,mmol/L,Our lab 2026 (EP28 transference),",
      "potassium,critical,any,18y,,,,,2.5,6.0,mmol/L,Our critical-value policy v4,",
      "unobtainium,reference,any,18y,,,,,1,2,mmol/L,Our lab 2026,",
      "",
    ].join("\n");
    await page.setInputFiles("#lab-import", { name: "our-ranges.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.waitForSelector("#import-report");
    assert.match(await page.textContent("#import-report h3"), /3 rows read, 2 good, 1 bad/);
    assert.match(await page.textContent("#import-report .problems"), /line 4: unknown analyte 'unobtainium'/);
    assert.match(await page.textContent("#import-report"), /Nothing has been imported/);
    await page.tap("#import-good");
    await page.waitForSelector("#import-outcome >> text=Imported 2 intervals");
    await page.waitForSelector("#lab-table-count >> text=2 intervals for 1 analyte");

    await page.goto(`${server.url}/ranges/potassium`);
    await page.fill("#patient-age", "45");
    await page.waitForSelector(".intervals >> text=3.6 to 5.0 mmol/L");
    assert.match(await page.textContent(".intervals"), /Shown: the lab's own interval/);
    assert.match(await page.textContent(".intervals"), /Our lab 2026/);
    // 6.1 is above the lab's critical 6.0 (the default, 6.2, would not call it).
    await page.fill("#flag-value", "6.1");
    assert.equal((await page.textContent(".flag-text")).trim(), "critical high");
    // A child still gets the default: the lab's table has adult rows only.
    await page.fill("#patient-age", "5");
    await page.waitForSelector(".intervals >> text=3.4 to 4.7 mmol/L");
    assert.match(await page.textContent(".intervals"), /Shown: Benchmate default, verify locally/);

    // The lab's rows are edited on the page: they are listed, a children's row is added.
    const card = ".lab-intervals-card";
    assert.match(await page.textContent(card), /Reference interval: 3\.6 to 5\.0 mmol\/L \(any, 18y and older\)/);
    assert.match(await page.textContent(card), /Critical limits: below 2\.5 or above 6\.0 mmol\/L/);
    await page.tap("text=Add an interval");
    await page.fill("#interval-age-to", "18y");
    await page.fill("#interval-low", "3.3");
    await page.fill("#interval-high", "4.8");
    await page.tap("text=Save interval");
    await page.waitForSelector(`${card} [role=alert] >> text=missing source`);
    await page.fill("#interval-source", "Our lab 2026 (paediatric study)");
    await page.tap("text=Save interval");
    await page.waitForSelector("text=Saved: the lab has 3 interval(s) of its own for this analyte.");
    await page.waitForSelector(".intervals >> text=3.3 to 4.8 mmol/L");
    assert.match(await page.textContent(".intervals"), /Shown: the lab's own interval/);
    // An overlapping row is refused with the row it overlaps, and nothing is stored.
    await page.tap("text=Add an interval");
    await page.fill("#interval-age-from", "50y");
    await page.fill("#interval-low", "3.5");
    await page.fill("#interval-high", "5.3");
    await page.fill("#interval-source", "Our lab 2026");
    await page.tap("text=Save interval");
    await page.waitForSelector(`${card} [role=alert] >> text=/overlaps the lab's row for reference, any, 18y and older/`);
    await page.tap(`${card} >> text=Cancel`);
    // Changing the critical row: 6.1 is then below the lab's new limit of 6.5.
    await page.tap(`${card} li:has-text('Critical limits') >> text=Change`);
    assert.equal(await page.inputValue("#interval-high"), "6");
    await page.fill("#interval-high", "6.5");
    await page.tap("text=Save interval");
    await page.waitForSelector(`${card} >> text=below 2.5 or above 6.5 mmol/L`);
    await page.fill("#patient-age", "45");
    await page.waitForSelector(".flag-text:text-is('high')");
    // Removing the children's row brings the default back, and the history says what changed.
    await page.tap(`${card} li:has-text('under 18y') >> text=Remove`);
    await page.waitForSelector("text=Saved: the lab has 2 interval(s) of its own for this analyte.");
    await page.fill("#patient-age", "5");
    await page.waitForSelector(".intervals >> text=3.4 to 4.7 mmol/L");
    await page.tap(`${card} summary:text-is("History of the lab's intervals")`);
    await page.waitForSelector(`${card} .history-entry`);
    assert.match(await page.textContent(`${card} .record-history`), /intervals/);

    // A condition the analyte's rows name is offered: fasting glucose has its own interval.
    await page.goto(`${server.url}/ranges/glucose`);
    await page.fill("#patient-age", "45");
    await page.waitForSelector(".intervals >> text=/70 to 140 mg\\/dL|3\\.9 to 7\\.8 mmol\\/L/");
    await page.selectOption("#patient-condition", "fasting");
    await page.waitForSelector(".intervals >> text=/70 to 99 mg\\/dL|3\\.9 to 5\\.5 mmol\\/L/");
    assert.match(await page.textContent(".intervals"), /fasting/);
    assert.equal(await page.$("#patient-gestation"), null);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
