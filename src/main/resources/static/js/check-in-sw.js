// Keeps the check-in page and what it loads on the phone, so that it opens in a basement without signal.
// Network first (a page that is online is never stale), the copy when the network fails. The page's
// own JSON requests are left to the page, which keeps its taps in IndexedDB.
var CACHE = 'tsunagu-check-in-v1';

// The page puts itself and what it loads into the cache (check-in.js): it knows their addresses.
self.addEventListener('install', function () {
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin
      || (request.headers.get('Accept') || '').indexOf('application/json') === 0) {
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    // Not a login page reached by a redirect, nor an error, in place of the page.
    if (response.ok && !response.redirected && response.type === 'basic') {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreSearch: request.mode === 'navigate' }).then(function (kept) {
      return kept || Response.error();
    });
  }));
});
