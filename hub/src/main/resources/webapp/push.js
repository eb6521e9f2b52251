// Web Push (docs/carer-app.md, "Alerts while the app is closed"): subscribes this browser with the
// hub's VAPID key and gives the subscription to the hub. Says plainly what stands in the way.
import { api } from './api.js';

/** 'unsupported', 'blocked' (denied), 'ask' (not asked yet), or 'granted'. */
export function pushState() {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  if (Notification.permission === 'default') return 'ask';
  return 'granted';
}

function bytes(base64url) {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** Browsers reach their own push service to subscribe; one that never answers must not leave the carer waiting. */
const SUBSCRIBE_WITHIN_MS = 15000;

function within(ms, promise, what) {
  let timer;
  const late = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function sameKey(buffer, base64url) {
  if (!buffer) return false;
  const a = new Uint8Array(buffer);
  const b = bytes(base64url);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Asks for permission when it was never asked (call it from a button press: browsers want a
 * gesture), then subscribes and tells the hub. Resolves to { state } or { state: 'failed', message }.
 */
export async function turnOnPush(working = () => {}) {
  let state = pushState();
  if (state === 'ask') {
    const answer = await Notification.requestPermission();
    state = answer === 'granted' ? 'granted' : answer === 'denied' ? 'blocked' : 'ask';
  }
  if (state !== 'granted') return { state };
  working();
  try {
    const registration = await navigator.serviceWorker.ready;
    const { public_key: key } = await api('GET', '/push/key');
    let subscription = await registration.pushManager.getSubscription();
    // A subscription made for another hub key cannot be used: make a new one.
    if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    if (!subscription) {
      subscription = await within(SUBSCRIBE_WITHIN_MS,
        registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(key) }),
        `the browser's push service did not answer within ${SUBSCRIBE_WITHIN_MS / 1000} s`);
    }
    await api('PUT', '/devices/self/push', subscription.toJSON());
    return { state: 'subscribed' };
  } catch (e) {
    return { state: 'failed', message: e.message };
  }
}
