/*
 * The service worker of Claude Code UI: it makes the app installable and its hashed
 * assets load from the cache, and shows push notifications. Everything live goes to the network untouched: /api and /ws
 * (authenticated, never to be cached), the page itself (so a new version shows on reload).
 */
const CACHE = 'ccui-assets-v1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Only same-origin, content-hashed files: their name changes whenever their content does.
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  })());
});

/*
 * Web Push: the server sends {topic, title, body, url, tag} (encrypted for this browser, which
 * decrypts it before this runs). A notification of a session replaces the older one of the same
 * session (tag); a click focuses a tab of the app and opens the session there, or opens a new one.
 */
self.addEventListener('push', (event) => {
  let message;
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { title: 'Claude Code UI', body: event.data ? event.data.text() : '' };
  }
  const url = typeof message.url === 'string' && message.url.startsWith('/') ? message.url : '/';
  event.waitUntil(self.registration.showNotification(message.title || 'Claude Code UI', {
    body: message.body || '',
    tag: message.tag || undefined,
    renotify: Boolean(message.tag),
    icon: '/icon-192.png',
    badge: '/icon-192.png',
    data: { url },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  // Only app-relative links: a message can never send the click elsewhere.
  const target = new URL(event.notification.data?.url || '/', self.location.origin);
  if (target.origin !== self.location.origin) return;
  event.waitUntil((async () => {
    const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const tab of tabs) {
      if (new URL(tab.url).origin === self.location.origin && 'focus' in tab) {
        await tab.focus();
        if ('navigate' in tab) await tab.navigate(target.href);
        return;
      }
    }
    await self.clients.openWindow(target.href);
  })());
});
