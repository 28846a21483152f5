/* The course's service worker: after one visit, every page, lesson, font and the training engine work
 * offline (a classroom with no network still trains its models). The build fills in the two constants. */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `course-${VERSION}`;

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
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('course-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
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
