/* global self, caches */
/*
 * Unclench service worker (hand-written; see src/web/README.md "Offline").
 * - The app shell: navigations are network-first, falling back to the last index.html, so the app opens offline.
 *   A page that carries a person's answers (no-store) is never kept.
 * - /assets/* are content-hashed and immutable: cache-first, filled on first use and from /precache.json
 *   (written by the build), so lazily loaded screens work offline too.
 * - The person's API reads that the app needs offline are network-first with the last answer as fallback.
 *   Only GETs are cached, never a write. Today's plan is not cached: offline, the app works it out itself.
 * - Signing in, starting as a guest or signing out clears the cached reads, so no one sees another person's data.
 */
const SHELL = 'unclench-shell-v1';
const ASSETS = 'unclench-assets-v1';
const API = 'unclench-api-v1';
const KEEP = [SHELL, ASSETS, API];
const STATIC = ['/', '/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];
// Pages whose own response differs from the shell's (it allows the camera: src/contract/cameraPages.ts): kept under
// their own address (one for every guided session), so offline they open with the same permission. The pose model
// and its runtime are in /assets, precached with the rest.
const OWN_PAGES = ['/posture', '/session'];
const cameraKey = (path) => (path === '/posture' ? path : path === '/session' || /^\/session\/[a-z0-9-]{1,80}$/.test(path) ? '/session' : null);
const OFFLINE_READS =
  /^\/api\/v1\/(session|me|preferences|exercises(\/[a-z0-9-]+)?|episodes(\/[0-9a-f-]{36}(\/(check-ins|movements|comfort|muscle-notes|sessions|plan-edits))?)?)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(precache().finally(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('unclench-') && !KEEP.includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'precache') event.waitUntil(precache());
  if (type === 'forget') event.waitUntil(caches.delete(API));
});

async function precache() {
  const shell = await caches.open(SHELL);
  await Promise.all(
    [...STATIC, ...OWN_PAGES].map((url) =>
      fetch(url, { cache: 'no-cache', headers: { accept: 'text/html' } })
        .then((res) => (res.ok ? shell.put(url, res) : undefined))
        .catch(() => undefined),
    ),
  );
  let list;
  try {
    const res = await fetch('/precache.json', { cache: 'no-cache' });
    if (!res.ok) return;
    list = await res.json();
  } catch {
    return;
  }
  if (!Array.isArray(list) || list.length === 0) return;
  const assets = await caches.open(ASSETS);
  const wanted = new Set(list.map((u) => new URL(u, self.location.origin).href));
  for (const url of wanted) {
    if (await assets.match(url)) continue;
    try {
      const res = await fetch(url);
      if (res.ok) await assets.put(url, res);
    } catch {
      return; // offline part-way: the next visit finishes the job
    }
  }
  // Files of older builds are no longer referenced by any page: let them go.
  for (const request of await assets.keys()) if (!wanted.has(request.url)) await assets.delete(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    // Writes always go to the network (the app's outbox keeps them when offline). A change of person clears reads.
    if (url.pathname === '/api/v1/session' || url.pathname === '/api/v1/session/guest') event.respondWith(changeOfPerson(request));
    return;
  }
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (OFFLINE_READS.test(url.pathname)) event.respondWith(apiRead(request));
  else if (STATIC.includes(url.pathname)) event.respondWith(networkFirst(request, SHELL));
});

async function changeOfPerson(request) {
  const response = await fetch(request);
  if (response.ok) await caches.delete(API);
  return response;
}

async function page(request) {
  const path = new URL(request.url).pathname;
  const key = cameraKey(path) || '/';
  try {
    const response = await fetch(request);
    const type = response.headers.get('content-type') || '';
    // A page sent with a person's first reads in it says no-store: the offline copy stays the plain shell that
    // precache() fetched without them.
    const personal = (response.headers.get('cache-control') || '').includes('no-store');
    if (response.ok && type.includes('text/html') && !personal) {
      const shell = await caches.open(SHELL);
      await shell.put(key, response.clone());
    }
    return response;
  } catch {
    const cached = (await caches.match(key, { cacheName: SHELL })) || (await caches.match('/', { cacheName: SHELL }));
    return cached || Response.error();
  }
}

async function asset(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function apiRead(request) {
  const url = new URL(request.url);
  const cache = await caches.open(API);
  let response;
  try {
    response = await fetch(request);
  } catch {
    const cached = await cache.match(request, { ignoreVary: true });
    if (!cached) return Response.error();
    const headers = new Headers(cached.headers);
    headers.set('x-unclench-offline', '1');
    return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
  }
  // Signed out (or the session ended): what was kept for that person must not outlive it.
  if (response.status === 401 || (response.status === 200 && (await nobodySignedIn(url, response)))) await caches.delete(API);
  else if (response.status === 200) await cache.put(request, response.clone());
  return response;
}

/** GET /api/v1/session answers {me: null} when nobody is signed in on this browser. */
async function nobodySignedIn(url, response) {
  if (url.pathname !== '/api/v1/session') return false;
  try {
    const body = await response.clone().json();
    return !body || body.me === null;
  } catch {
    return false;
  }
}

async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request, { ignoreVary: true })) || Response.error();
  }
}

/*
 * Reminders. The server's come by Web Push: the payload is only the notification's words, the screen a tap opens,
 * and the ids its buttons need (move/reminderAnswer.ts reads them in the page). A tap, or a button ("I stood up",
 * "Snooze 10 minutes"), is answered by the page: an open one is told, otherwise the app opens with the answer in
 * its address. The page logs the stand-up break through its outbox, so it is kept offline and stored once.
 */
const REMINDER_ACTIONS = ['stood-up', 'snooze'];
const APP_PATH = /^\/(?!\/)[A-Za-z0-9/_-]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

self.addEventListener('push', (event) => {
  event.waitUntil(showReminder(readReminder(event)));
});

function readReminder(event) {
  let data = null;
  try {
    data = event.data ? event.data.json() : null;
  } catch {
    data = null;
  }
  if (!data || typeof data.title !== 'string' || typeof data.body !== 'string') {
    // Every push must show something; one that cannot be read says so plainly.
    return { kind: 'unknown', title: 'Unclench', body: 'You have a reminder from Unclench.', url: '/', actions: [], reminderId: null, episodeId: null };
  }
  return data;
}

function showReminder(r) {
  const actions = Array.isArray(r.actions) ? r.actions.filter((a) => a && REMINDER_ACTIONS.includes(a.action) && typeof a.title === 'string') : [];
  const standUp = r.kind === 'stand-up';
  return self.registration.showNotification(r.title, {
    body: r.body,
    // The stand-up reminder replaces the one the open page may have shown for the same sitting.
    tag: standUp ? 'unclench-sit' : `unclench-${String(r.kind).replace(/[^a-z-]/g, '')}`,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    requireInteraction: standUp,
    actions: actions.map((a) => ({ action: a.action, title: a.title })),
    data: {
      url: typeof r.url === 'string' && APP_PATH.test(r.url) ? r.url : '/',
      kind: r.kind,
      reminderId: UUID.test(r.reminderId || '') ? r.reminderId : null,
      episodeId: UUID.test(r.episodeId || '') ? r.episodeId : null,
    },
  });
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const action = REMINDER_ACTIONS.includes(event.action) ? event.action : event.action === 'up' ? 'stood-up' : 'open';
  const url = typeof data.url === 'string' && APP_PATH.test(data.url) ? data.url : '/move';
  const answer = { type: 'reminder', action, url, episodeId: data.episodeId || null, reminderId: data.reminderId || null };
  const work = (async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    // One page answers, so one tap is one answer.
    const client = windows.find((w) => w.focused) || windows[0];
    if (client) {
      client.postMessage(answer);
      await client.focus().catch(() => undefined);
      return;
    }
    if (action === 'open') return void (await self.clients.openWindow(url));
    const search = new URLSearchParams({ reminder: action });
    if (answer.episodeId) search.set('episode', answer.episodeId);
    if (answer.reminderId) search.set('reminderId', answer.reminderId);
    await self.clients.openWindow(`${url === '/' ? '/move' : url}?${search}`);
  })();
  try {
    event.waitUntil(work);
  } catch {
    // A click dispatched by a script (the browser tests) cannot extend the worker's life; the answer still goes.
  }
});

/*
 * A push subscription the browser replaced or let expire (`pushsubscriptionchange`). The worker subscribes again with
 * the same server key (the old subscription's, or the one the server gives at /api/v1/push/key, as the page asks
 * for it) unless the browser already made the new one, and tells the server, with the person's session cookie:
 * the device that had the old endpoint takes the new subscription, and the old endpoint is dropped. Without the old
 * endpoint there is nothing to name the device by: the page stores the browser's current subscription under this
 * device's id on its next visit (move/pushDevice.ts renewSubscription).
 */
self.addEventListener('pushsubscriptionchange', (event) => {
  const work = renewPushSubscription({ oldSubscription: event.oldSubscription || null, newSubscription: event.newSubscription || null, pushManager: self.registration.pushManager });
  try {
    event.waitUntil(work);
  } catch {
    // An event dispatched by a script (the browser tests) cannot extend the worker's life; the work still goes.
  }
});

/** Answers what happened: 'replaced', 'subscribed' (nothing to tell the server by), 'not-ours', 'no-key' or 'failed'. */
async function renewPushSubscription({ oldSubscription, newSubscription, pushManager }) {
  try {
    let subscription = newSubscription;
    if (!subscription) {
      const options = (oldSubscription && oldSubscription.options) || {};
      const applicationServerKey = options.applicationServerKey || (await serverKey());
      if (!applicationServerKey) return 'no-key';
      subscription = await pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
    }
    const json = subscription.toJSON();
    if (!json.endpoint || !json.keys || !json.keys.p256dh || !json.keys.auth) return 'failed';
    if (!oldSubscription || !oldSubscription.endpoint) return 'subscribed';
    const body = {
      oldEndpoint: oldSubscription.endpoint,
      subscription: { endpoint: json.endpoint, expirationTime: typeof json.expirationTime === 'number' ? json.expirationTime : null, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } },
    };
    const response = await fetch('/api/v1/push/subscription-changes', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.ok ? 'replaced' : response.status === 404 ? 'not-ours' : 'failed';
  } catch {
    return 'failed';
  }
}

/** The server's VAPID public key as bytes, or null when it cannot be had. */
async function serverKey() {
  try {
    const response = await fetch('/api/v1/push/key', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const { publicKey } = await response.json();
    if (typeof publicKey !== 'string') return null;
    const text = atob(publicKey.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(publicKey.length / 4) * 4, '='));
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
