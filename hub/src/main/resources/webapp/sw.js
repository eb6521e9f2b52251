// The offline shell: the app's own files, kept so the app opens without a connection.
// The API (/api/…) is never cached: alert data is no-store and always comes from the hub.
const CACHE = 'hearth-shell-1';
const SHELL = ['/', '/index.html', '/app.css', '/app.js', '/api.js', '/dom.js', '/i18n.js', '/live.js', '/screens.js',
  '/texts/en.json', '/manifest.webmanifest', '/icon.svg', '/icon-maskable.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // The network first, so a new version is used at once; the kept copy when offline.
  event.respondWith(fetch(event.request)
    .then((answer) => {
      if (answer.ok && SHELL.includes(url.pathname)) {
        const copy = answer.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
      }
      return answer;
    })
    .catch(() => caches.match(event.request).then((kept) => kept ?? caches.match('/'))));
});
