// The service worker: the offline shell (the app's own files, kept so the app opens without a
// connection), and alerts by Web Push while the app is closed.
// The API (/api/…) is never cached: alert data is no-store and always comes from the hub.
const CACHE = 'hearth-shell-6';
// The carer's language, put there by the app (i18n.js), which a service worker cannot ask localStorage for.
const SETTINGS_CACHE = 'hearth-settings';
const SHELL = ['/', '/index.html', '/app.css', '/app.js', '/alarm.js', '/api.js', '/dom.js', '/i18n.js', '/install.js', '/live.js', '/parts.js', '/push.js', '/alert-screens.js', '/screens.js',
  '/texts/en.json', '/manifest.webmanifest', '/icon.svg', '/icon-maskable.svg'];
// An alert buzzes long and insistently (the same as alarm.js ALERT_VIBRATION, which a classic service worker cannot
// import), stays until the carer acts, and buzzes again when the same alert is told again; anything else buzzes once
// and goes, as ordinary notifications do.
const ALERT_VIBRATION = [800, 200, 800, 200, 800, 200, 800];
const ORDINARY_VIBRATION = [200];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== CACHE && n !== SETTINGS_CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // The network first, so a new version is used at once; the kept copy when offline.
  event.respondWith(fetch(event.request)
    .then((answer) => {
      // The shell, and the words of whichever language the app loads (only English is kept at install).
      if (answer.ok && (SHELL.includes(url.pathname) || url.pathname.startsWith('/texts/'))) {
        const copy = answer.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
      }
      return answer;
    })
    .catch(() => caches.match(event.request).then((kept) => kept ?? caches.match('/'))));
});

// The app's words in the carer's language (texts/LANG.json), from the kept copy when there is one.
async function texts() {
  try {
    const chosen = await (await caches.open(SETTINGS_CACHE)).match('/settings/language');
    const lang = chosen ? (await chosen.text()).replace(/[^a-z]/g, '') || 'en' : 'en';
    const path = `/texts/${lang}.json`;
    const answer = (await caches.match(path)) ?? (await fetch(path));
    return await answer.json();
  } catch {
    return {};
  }
}

function say(words, key, vars = {}, fallback = '') {
  const text = words[key] ?? fallback;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

async function onPush(message) {
  const words = await texts();
  if (message?.type === 'alert') {
    const urgent = message.severity === 'urgent';
    const shown = self.registration.showNotification(
      say(words, urgent ? 'push.urgent_title' : 'push.title', { label: message.home_label }, message.home_label),
      {
        body: message.words,
        tag: `alert-${message.alert_id}`,
        renotify: true,
        requireInteraction: true,
        vibrate: ALERT_VIBRATION,
        icon: '/icon.svg',
        data: { url: `/#/home/${encodeURIComponent(message.home)}/alert/${encodeURIComponent(message.alert_id)}` },
      });
    // Delivered means this device has it: tell the hub (a repeat is harmless), whether or not the
    // notification could be shown.
    const told = fetch(`/api/v1/homes/${encodeURIComponent(message.home)}/alerts/${encodeURIComponent(message.alert_id)}/received`, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ via: 'push' }),
    });
    await Promise.allSettled([shown, told]);
    return;
  }
  const test = message?.type === 'test';
  // userVisibleOnly: every push shows something, even one this version does not know.
  await self.registration.showNotification(say(words, test ? 'push.test_title' : 'push.other_title', {}, 'Hearth'), {
    body: test ? say(words, 'push.test_body', { device: message.device }) : '',
    tag: test ? 'hearth-test' : 'hearth-other',
    renotify: false,
    requireInteraction: false,
    vibrate: ORDINARY_VIBRATION,
    icon: '/icon.svg',
    data: { url: '/#/' },
  });
}

self.addEventListener('push', (event) => {
  let message = null;
  try {
    message = event.data ? event.data.json() : null;
  } catch {
    message = null;
  }
  event.waitUntil(onPush(message));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url ?? '/#/', self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
    if (open) return open.navigate(target).then((w) => (w ?? open).focus());
    return self.clients.openWindow(target);
  }));
});
