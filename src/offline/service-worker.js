/* The course's service worker: after one visit, every page, lesson, font and the training engine work
 * offline (a classroom with no network still trains its models). The build fills in the two constants. */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `course-${VERSION}`;
// Course data under data/ (lesson 10's MNIST digits, 11 MB; lesson 13's corpora, 0.6 MB) is not precached, so a
// visitor who never opens those lessons never downloads it. What a lesson fetches is saved here and kept across
// new versions of the site.
const DATA_CACHE = 'course-data-v1';
const DATA = new URL('data/', self.registration.scope).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('course-') && key !== CACHE && key !== DATA_CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(DATA)) {
    event.respondWith(courseData(request, url));
    return;
  }
  if (request.mode === 'navigate') {
    // Pages: the network first (a new build shows at once), the saved app shell when offline.
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE })));
    return;
  }
  // Assets have content hashes in their names: the saved copy is always right.
  event.respondWith(
    // ignoreVary: the server may vary on Origin, which module scripts send and the precache did not.
    caches.match(request, { cacheName: CACHE, ignoreVary: true }).then(
      (saved) =>
        saved ||
        fetch(request).then((response) => {
          if (response.ok && response.type === 'basic') {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});

/**
 * A data file named with its version (`?v=<hash>`, as the page asks for the MNIST shards and the corpora) never
 * changes: the saved copy first. Without one (manifest.json) the network first, the saved copy offline. Saving a file
 * drops the copies of its other versions.
 */
async function courseData(request, url) {
  const cache = await caches.open(DATA_CACHE);
  if (url.search) {
    const saved = await cache.match(request);
    if (saved) return saved;
  }
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const saved = await cache.match(request);
    if (saved) return saved;
    throw error;
  }
  if (response.status === 200 && response.type === 'basic') {
    const copy = response.clone();
    const old = (await cache.keys()).filter((key) => new URL(key.url).pathname === url.pathname && key.url !== request.url);
    await Promise.all(old.map((key) => cache.delete(key)));
    await cache.put(request, copy);
  }
  return response;
}
