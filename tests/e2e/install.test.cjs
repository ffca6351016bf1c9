// The app is installable: a valid manifest, icons, a service worker, as Chromium itself judges it.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { startServer, launchPersistentPhone, waitForServiceWorker } = require("./harness.cjs");

test("Chromium finds the manifest valid and the app installable", async () => {
  const server = await startServer();
  const context = await launchPersistentPhone();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector("main h1");
    await waitForServiceWorker(page);

    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    assert.deepEqual(manifest.errors, [], "the manifest parses without errors");
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.display, "standalone");
    assert.ok(parsed.icons.some((icon) => icon.purpose === "maskable"), "a maskable icon");
    for (const icon of parsed.icons) {
      const response = await page.request.get(new URL(icon.src, server.url).href);
      assert.equal(response.status(), 200, `${icon.src} is served`);
      assert.equal(response.headers()["content-type"], "image/png");
    }

    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, [], "Chromium's installability check passes");
  } finally {
    await context.close();
    await server.stop();
  }
});

test("the server sends the caching and security headers an offline app needs", async () => {
  const server = await startServer();
  try {
    const index = await fetch(`${server.url}/`);
    assert.equal(index.headers.get("cache-control"), "no-cache");
    assert.match(index.headers.get("content-security-policy"), /frame-ancestors 'none'/);
    assert.equal(index.headers.get("x-content-type-options"), "nosniff");
    const worker = await fetch(`${server.url}/sw.js`);
    assert.equal(worker.status, 200);
    assert.equal(worker.headers.get("cache-control"), "no-cache");
    const html = await index.text();
    const wasm = html.match(/href="\/([^"]+_bg\.wasm)"/);
    assert.ok(wasm, "index.html preloads the hashed wasm");
    const asset = await fetch(`${server.url}/${wasm[1]}`);
    assert.equal(asset.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(asset.headers.get("content-type"), "application/wasm");
    const api = await fetch(`${server.url}/api/v1/health`);
    assert.equal(api.headers.get("cache-control"), "no-store");
    assert.equal((await api.json()).status, "ok");
    assert.equal(await server.stop(), 0, "SIGTERM is a clean shutdown");
  } finally {
    await server.stop();
  }
});
