// Two devices of one technician and the lab's server: a CE entry logged offline on one phone
// reaches the other after both sync; the same title edited on both while offline shows up as
// a conflict, the technician keeps one value, and both phones end up agreeing.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { startServer, launchBrowser, phoneContext } = require("./harness.cjs");

const EMAIL = "rivera@lab.example";
const PASSWORD = "correct horse battery staple";

/** Runs the admin command line against the data folder, as a lab's IT person would. */
function admin(data, args, input = "") {
  return execFileSync(process.env.BENCHMATE_BIN, [...args, "--data", data], { input, encoding: "utf8" });
}

/** Opens the app on a new phone (or `existing`) and signs in; resolves to the page. */
async function signedInPhone(browser, url, errors, email = EMAIL, existing = null) {
  const context = existing ? existing.context : await phoneContext(browser);
  const page = existing ? existing.page : await context.newPage();
  if (!existing) page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto(`${url}/settings`);
  // The server address defaults to the app's own.
  assert.equal(await page.inputValue("#sync-server"), url);
  await page.fill("#sync-email", email);
  await page.fill("#sync-password", PASSWORD);
  await page.tap("#sync-sign-in");
  await page.waitForSelector(`.signed-in-as >> text=${email}`);
  await page.waitForSelector(".sync-indicator[data-status=synced]");
  return { context, page };
}

/** Reloads `path` (a reload syncs at start) and waits until that sync has finished. */
async function openSynced(page, url, where) {
  await page.goto(`${url}${where}`);
  await page.waitForSelector(".sync-indicator[data-status=synced]", { timeout: 20000 });
}

test("a record made offline on one device reaches the other; a conflict is resolved once for both", async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "benchmate-sync-"));
  admin(data, ["user", "add", EMAIL], `${PASSWORD}\n`);
  admin(data, ["lab", "add", "Core Lab"]);
  admin(data, ["lab", "add-member", "Core Lab", EMAIL]);
  const server = await startServer({ dataDir: data });
  const browser = await launchBrowser();
  const errors = [];
  try {
    // A wrong password says so, and nothing is signed in.
    const stranger = await (await phoneContext(browser)).newPage();
    await stranger.goto(`${server.url}/settings`);
    await stranger.fill("#sync-email", EMAIL);
    await stranger.fill("#sync-password", "not the password");
    await stranger.tap("#sync-sign-in");
    await stranger.waitForSelector("[role=alert] >> text=Wrong email or password.");
    assert.equal(await stranger.locator(".sync-indicator").count(), 0);
    // A server that does not answer says so.
    await stranger.fill("#sync-server", "http://127.0.0.1:9");
    await stranger.tap("#sync-sign-in");
    await stranger.waitForSelector("[role=alert] >> text=/cannot be reached/");
    await stranger.fill("#sync-server", server.url);
    // Guessing passwords is stopped by the server's limit, and the form says how long to wait.
    await stranger.fill("#sync-email", "nobody@lab.example");
    let limited = false;
    for (let attempt = 0; attempt < 8 && !limited; attempt++) {
      await stranger.tap("#sync-sign-in");
      await stranger.waitForSelector("#sync-sign-in:not([disabled])");
      await stranger.waitForTimeout(300);
      limited = /too many sign-in attempts: wait \d+ (seconds|minutes) and try again/.test(
        await stranger.textContent(".sign-in"),
      );
    }
    assert.ok(limited, "the sixth failed sign-in for one account is refused with a wait");

    const a = await signedInPhone(browser, server.url, errors);
    const b = await signedInPhone(browser, server.url, errors);

    // Device A follows the lab; the choice is offered from the server's /me.
    const coreLab = "label:has-text('Core Lab') input[name=sync-lab]";
    await a.page.check(coreLab);
    assert.ok(await a.page.isChecked(coreLab));

    // Device A, offline, logs a CE course.
    await a.context.setOffline(true);
    await a.page.tap("nav >> text=Portfolio");
    await a.page.tap("a:text-is('CE entries')");
    await a.page.tap("a:text-is('Log a CE course')");
    await a.page.fill("#ce-title", "Transfusion reactions");
    await a.page.fill("#ce-date", "2026-01-15");
    await a.page.fill("#ce-amount", "1.5");
    await a.page.selectOption("#ce-credit-type", "pace_contact_hour");
    await a.page.selectOption("#ce-category", "blood_bank");
    await a.page.tap("button:text-is('Save entry')");
    await a.page.waitForSelector("text=Saved on this device");
    await a.page.waitForSelector(".sync-indicator[data-status=offline] >> text=Offline, 1 change waiting");

    // Back online, the change goes out by itself.
    await a.context.setOffline(false);
    await a.page.waitForSelector(".sync-indicator[data-status=synced]", { timeout: 20000 });
    await a.page.tap("text=Open the entry");
    await a.page.waitForURL(/\/portfolio\/ce\/[0-9a-f-]{36}$/);
    const entryPath = new URL(a.page.url()).pathname;

    // Device B syncs and has it.
    await openSynced(b.page, server.url, "/portfolio/ce");
    await b.page.waitForSelector(".entry-list >> text=Transfusion reactions");
    await openSynced(b.page, server.url, entryPath);
    await b.page.waitForSelector("h1:text-is('Transfusion reactions')");

    // Both edit the title while offline.
    for (const [device, title] of [[a, "Transfusion reactions I"], [b, "Transfusion reactions II"]]) {
      await device.context.setOffline(true);
      await device.page.fill("#ce-title", title);
      await device.page.tap("button:text-is('Save changes')");
      await device.page.waitForSelector(`h1:text-is('${title}')`);
    }
    await a.context.setOffline(false);
    await openSynced(a.page, server.url, entryPath);
    await b.context.setOffline(false);
    await openSynced(b.page, server.url, entryPath);

    // Device B pulled A's edit over its own: the conflict shows, and the user keeps B's title.
    const conflict = "[role=group][aria-label='Conflicting edits of title']";
    await b.page.waitForSelector(conflict);
    assert.match(await b.page.textContent(conflict), /Keep "Transfusion reactions I"/);
    await b.page.tap(`${conflict} >> text=Keep "Transfusion reactions II"`);
    await b.page.waitForSelector(conflict, { state: "detached" });
    await b.page.waitForSelector("h1:text-is('Transfusion reactions II')");
    await openSynced(b.page, server.url, entryPath);

    // Device A syncs: the same title, and no conflict left on either.
    await openSynced(a.page, server.url, entryPath);
    for (const device of [a, b]) {
      await device.page.waitForSelector("h1:text-is('Transfusion reactions II')");
      assert.equal(await device.page.inputValue("#ce-title"), "Transfusion reactions II");
      assert.equal(await device.page.locator(conflict).count(), 0);
      assert.match(await device.page.textContent(".sync-indicator"), /^Synced$/);
    }

    // "Sign out everywhere" on A ends B's session too; B says so at its next sync and keeps
    // every record.
    await a.page.goto(`${server.url}/settings`);
    await a.page.tap("#sync-sign-out-everywhere");
    await a.page.waitForSelector("#sync-sign-in");
    assert.equal(await a.page.locator(".sync-indicator").count(), 0);
    await b.page.goto(`${server.url}/settings`);
    await b.page.waitForSelector("[role=alert] >> text=/The server ended this device's session/");
    await b.page.waitForSelector("#sync-sign-in");
    await b.page.goto(`${server.url}${entryPath}`);
    await b.page.waitForSelector("h1:text-is('Transfusion reactions II')");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("a lab record made before signing in moves into the lab and reaches another member", async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "benchmate-sync-lab-"));
  const OSEI = "osei@lab.example";
  for (const email of [EMAIL, OSEI]) admin(data, ["user", "add", email], `${PASSWORD}\n`);
  admin(data, ["lab", "add", "Core Lab"]);
  for (const email of [EMAIL, OSEI]) admin(data, ["lab", "add-member", "Core Lab", email]);
  const server = await startServer({ dataDir: data });
  const browser = await launchBrowser();
  const errors = [];
  try {
    // Before any account: a critical call goes into this phone's own lab log.
    const context = await phoneContext(browser);
    const page = await context.newPage();
    page.on("pageerror", (err) => errors.push(String(err)));
    await page.goto(`${server.url}/ranges/potassium`);
    await page.fill("#patient-age", "45");
    await page.fill("#flag-value", "6.8");
    await page.waitForSelector(".flag-text >> text=critical high");
    await page.tap("#log-call");
    await page.fill("#call-notified-name", "Dr. Amara Osei");
    await page.fill("#call-notified-role", "physician");
    await page.check("#call-read-back");
    await page.fill("#call-caller", "J. Rivera, MLS");
    await page.fill("#call-accession", "A-2026-0042");
    await page.tap("#save-call");
    await page.waitForSelector("text=Saved in the lab's call log");

    // Signing in keeps it on the device; following the lab moves it into the lab and sends it.
    const rivera = await signedInPhone(browser, server.url, errors, EMAIL, { context, page });
    await rivera.page.check("label:has-text('Core Lab') input[name=sync-lab]");
    await openSynced(rivera.page, server.url, "/settings");
    assert.match(await rivera.page.textContent(".sync-indicator"), /^Synced$/);

    // Another member of the lab follows it and finds the call in the lab's log.
    const osei = await signedInPhone(browser, server.url, errors, OSEI);
    await osei.page.check("label:has-text('Core Lab') input[name=sync-lab]");
    await openSynced(osei.page, server.url, "/ranges/calls");
    await osei.page.waitForSelector(".call-list >> text=Potassium 6.8 mmol/L");
    assert.match(await osei.page.textContent(".call-list"), /Dr\. Amara Osei \(physician\), read back/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
