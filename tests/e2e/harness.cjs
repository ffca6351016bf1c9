// Shared by the end-to-end tests, the benchmarks and the screenshot: starts the real
// `benchmate` server on a free port with a throwaway data folder, and launches Debian's
// Chromium through playwright-core (the browser Playwright would download cannot be fetched here).
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

/** Starts `benchmate serve` and resolves once it prints its address. */
async function startServer({ bin = process.env.BENCHMATE_BIN, dataDir } = {}) {
  if (!bin) throw new Error("BENCHMATE_BIN must name the benchmate binary (cargo xtask test sets it)");
  const data = dataDir || fs.mkdtempSync(path.join(os.tmpdir(), "benchmate-e2e-"));
  const child = spawn(bin, ["serve", "--addr", "127.0.0.1:0", "--data", data], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || "warn" },
  });
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`the server did not start in 30 s:\n${out}${log}`)), 30000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/serving (http:\/\/\S+?)\/? /);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`the server exited (${code}) before serving:\n${out}${log}`)));
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return {
    url,
    data,
    /** Stops the server the way an operator would (SIGTERM); resolves to its exit code. */
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
    /** Kills the server at once, as a crash or power cut would. */
    async kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

const CHROMIUM = {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // Without these, Chromium fills the log with connections this closed network refuses.
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
  ],
};
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

/** Debian's Chromium, headless. */
function launchBrowser() {
  return chromium.launch(CHROMIUM);
}

/**
 * A phone-sized Chromium with a real (not incognito) profile in a throwaway folder: Chromium
 * only judges installability outside incognito. Close the returned context to stop it.
 */
function launchPersistentPhone() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "benchmate-profile-"));
  return chromium.launchPersistentContext(profile, { ...CHROMIUM, ...PHONE });
}

/** A phone-sized, touch-enabled browser context. */
function phoneContext(browser, options = {}) {
  return browser.newContext({ ...PHONE, ...options });
}

/** Resolves once a service worker controls the page (reloading once if the first load was not yet claimed). */
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.ready, null, { timeout: 30000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
}

/**
 * The app as a tech has it offline: a phone that visited the real server once (so the service
 * worker controls the page), after which the server was stopped. `errors` collects any script
 * error on the page. The caller closes `browser` (and may call `server.stop()` again: it is safe).
 */
async function openOffline() {
  const server = await startServer();
  const browser = await launchBrowser();
  const context = await phoneContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await server.stop();
  return { server, browser, context, page, errors };
}

module.exports = { startServer, launchBrowser, launchPersistentPhone, phoneContext, waitForServiceWorker, openOffline };
