// The carer web app: plain ES modules, no build step (docs/architecture.md, docs/carer-app.md).
import { Alarm } from './alarm.js';
import { api, ApiError } from './api.js';
import { h, put } from './dom.js';
import { chooseLanguage, currentLanguage, LANGUAGES, loadTexts, preferredLanguage, t } from './i18n.js';
import { Live } from './live.js';
import * as alertScreens from './alert-screens.js';
import * as screens from './screens.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const connection = document.getElementById('connection');
const announcer = document.getElementById('announce');
let current = null;
let shown = 0;
let online = null;
// Enrolment ends with a test notification, sent once the live stream is open to receive it.
let testWhenLive = false;
// Enrolment by the invite's link (its QR code): https://HUB/#enrol=CODE, the code in the fragment, never sent to the hub
// but with the enrolment itself (Invites.FRAGMENT).
const INVITE = /^#enrol=([^&]*)/;
let invited = null;

const alarm = new Alarm(showAlarm);
const alarmBox = document.getElementById('alarm');
const alarmSound = document.getElementById('alarm-sound');
const alarmSilence = document.getElementById('alarm-silence');
alarmSound.addEventListener('click', () => alarm.turnSoundOn());
alarmSilence.addEventListener('click', () => alarm.silence());

const live = new Live(onEvent, onConnection, onRefused);
const ctx = {
  enrolled(answer) {
    ctx.operatorOf = answer.operator_of;
    testWhenLive = true;
    live.start();
    location.hash = '#/';
    route();
  },
  operatorOf: undefined,
  alarm,
  /** The code of the invite link this page was opened with, once: the enrol screen fills it in. */
  takeInvite() {
    const code = invited;
    invited = null;
    return code;
  },
  signedOut() {
    ctx.operatorOf = undefined;
    live.stop();
    online = null;
    showConnection();
    location.hash = '#/enrol';
    route();
  },
};

function onEvent(name, data) {
  if (name === 'test') {
    announce(t('live.test'));
    return;
  }
  if (name === 'alert') {
    announce(t('live.new_alert', { words: data.words }));
    if (data.state !== 'acknowledged' && data.state !== 'resolved') alarm.raise(data.id);
    // Delivered means this device has it (docs/hub-api.md, "Receipts").
    api('POST', `/homes/${encodeURIComponent(data.home)}/alerts/${encodeURIComponent(data.id)}/received`, { via: 'stream' })
      .catch(() => { /* The next time it is read live, or by push, says so again. */ });
  }
  if (name === 'alert-event' && (data.state === 'acknowledged' || data.state === 'resolved')) alarm.answered(data.alert_id);
  refresh(name);
}

// The alert sound's box: what it is doing, in words, and what the carer can do about it.
function showAlarm(state) {
  alarmBox.hidden = state === 'off';
  alarmBox.dataset.sound = state;
  document.getElementById('alarm-words').textContent = t(state === 'blocked' ? 'alarm.blocked' : 'alarm.ringing');
  alarmSound.textContent = t('alarm.sound_on');
  alarmSound.hidden = state !== 'blocked';
  alarmSilence.textContent = t('alarm.silence');
}

function onConnection(up, afterOffline) {
  if (up && testWhenLive) {
    testWhenLive = false;
    api('POST', '/devices/self/test', {}).catch(() => { /* Only a test. */ });
  }
  online = up;
  showConnection();
  // Back after being offline: read again what may have changed meanwhile.
  if (up && afterOffline) refresh('reconnected');
}

// The hub refused the stream: a revoked device goes back to enrolling; anything else tries again after a pause.
async function onRefused() {
  try {
    await api('GET', '/homes?limit=1');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      ctx.signedOut();
      return;
    }
  }
  live.startLater();
}

function showConnection() {
  connection.textContent = online === null ? '' : online ? t('live.connected') : t('live.offline');
  connection.classList.toggle('offline', online === false);
}

// The words the page itself holds (index.html's data-text elements), in the language now loaded.
function showPageTexts() {
  for (const element of document.querySelectorAll('[data-text]')) element.textContent = t(element.dataset.text);
  showConnection();
  showAlarm(alarm.state());
}

// The carer chooses the app's language; the screen is shown again in it, and focus stays on the chooser.
function languageChooser() {
  const select = document.getElementById('language');
  put(select, Object.entries(LANGUAGES).map(([code, name]) => h('option', { value: code, lang: code, selected: code === currentLanguage() }, name)));
  select.addEventListener('change', async () => {
    try {
      await chooseLanguage(select.value);
    } catch (e) {
      failed(e);
      return;
    }
    showPageTexts();
    route({ focus: false });
  });
}

function announce(words) {
  announcer.textContent = '';
  // A fresh text node each time, so screen readers read a repeated message again.
  setTimeout(() => { announcer.textContent = words; }, 50);
}

async function refresh(reason) {
  try {
    await current?.refresh?.(reason);
  } catch (e) {
    failed(e);
  }
}

function failed(e) {
  if (e instanceof ApiError && e.status === 401) {
    ctx.signedOut();
    return;
  }
  const retry = h('button', { type: 'button' }, t('app.retry'));
  retry.addEventListener('click', () => route());
  put(main, h('p', { class: 'error', role: 'alert' }, t('app.failed', { message: e.message })), retry);
}

async function route({ focus = true } = {}) {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const turn = ++shown;
  const view = h('div');
  current = null;
  nav.hidden = parts[0] === 'enrol';
  try {
    let screen;
    if (parts[0] === 'enrol') screen = screens.enrol(view, ctx);
    else if (parts[0] === 'devices') screen = await screens.devices(view, ctx);
    else if (parts[0] === 'home' && parts.length === 2) screen = await alertScreens.alerts(view, ctx, parts[1]);
    else if (parts[0] === 'home' && parts[2] === 'check') screen = await screens.check(view, ctx, parts[1]);
    else if (parts[0] === 'home' && parts[2] === 'history') screen = await alertScreens.history(view, ctx, parts[1]);
    else if (parts[0] === 'home' && parts[2] === 'alert') screen = await alertScreens.alert(view, ctx, parts[1], parts[3]);
    else screen = await screens.homes(view, ctx);
    if (turn !== shown) return;
    current = screen ?? null;
    put(main, view);
    if (focus) view.querySelector('h1')?.focus();
  } catch (e) {
    if (turn === shown) failed(e);
  }
}

async function start() {
  const link = INVITE.exec(location.hash);
  if (link) {
    invited = decodeURIComponent(link[1]);
    // Out of the address bar and the history: the code works once, and is no one else's business.
    history.replaceState(null, '', `${location.pathname}${location.search}#/enrol`);
  }
  await loadTexts(preferredLanguage());
  showPageTexts();
  languageChooser();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* The app works without its offline copy. */ });
  }
  window.addEventListener('hashchange', () => route());
  try {
    // One home is enough to know the device is enrolled, and whether it is an operator's (who watch and do not answer).
    ctx.operatorOf = (await api('GET', '/homes?limit=1')).operator_of;
    live.start();
    if (location.hash === '#/enrol') location.hash = '#/';
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) {
      failed(e);
      return;
    }
    location.hash = '#/enrol';
  }
  route();
}

start();
