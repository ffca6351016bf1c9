// Benchmate's service worker. `cargo xtask` writes it to dist/sw.js at build time, filling in
// the two constants below: every built file (by its hashed name) and a hash of their contents,
// so any change to the app is a new worker that the browser installs beside the old one.
const VERSION = "__BENCHMATE_VERSION__";
const PRECACHE = __BENCHMATE_PRECACHE__;
const CACHE = `benchmate-${VERSION}`;

self.addEventListener("install", (event) => {
  // Hashed files are immutable, so the HTTP cache may answer for them; the rest is `no-cache`
  // and revalidated. Either way the precache holds exactly this build.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("benchmate-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// A waiting worker takes over only when the user says so ("A new version is ready: Reload").
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // The API is never cached: sync must see the server's real answer or a real failure.
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    // Every screen is the same app: start it from the cache, with or without a network.
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match("/index.html")).then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((cached) => cached || fetch(request)),
  );
});
