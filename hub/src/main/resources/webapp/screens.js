// The screens. Each one fills `view` and may return { refresh(reason) }, called when the live
// stream tells something or comes back after being offline.
import { api } from './api.js';
import { h, put } from './dom.js';
import { t, time } from './i18n.js';
import { install, installState, whenInstallChanges } from './install.js';
import { callLink, errorLine, homeOf, roomWords, stateWords, title } from './parts.js';
import { pushState, turnOnPush } from './push.js';

export function enrol(view, ctx) {
  title(view, t('enrol.title'));
  const message = h('p', { role: 'status' });
  const code = h('input', { type: 'text', id: 'code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', required: true,
    'aria-describedby': 'code-hint' });
  const device = h('input', { type: 'text', id: 'device', name: 'device', autocomplete: 'off', required: true, maxlength: '100',
    'aria-describedby': 'device-hint' });
  const form = h('form', { novalidate: true },
    h('label', { for: 'code' }, t('enrol.code')), h('p', { id: 'code-hint' }, t('enrol.code_hint')), code,
    h('label', { for: 'device' }, t('enrol.device')), h('p', { id: 'device-hint' }, t('enrol.device_hint')), device,
    h('button', { type: 'submit' }, t('enrol.submit')));
  const invited = ctx.takeInvite();
  if (invited) {
    code.value = invited;
    message.textContent = t('enrol.from_link');
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    put(message);
    try {
      const answer = await api('POST', '/enrol', { code: code.value, device_name: device.value });
      message.textContent = t('enrol.done', { carer: answer.carer });
      ctx.enrolled(answer);
    } catch (e) {
      put(message, errorLine(e));
    }
  });
  view.append(h('p', {}, t('enrol.intro')), form, message);
}

// Whether alerts reach this phone while the app is closed, in words, and what to do about it.
function pushCard() {
  const status = h('p', { id: 'push-state' });
  const message = h('p', { role: 'status', id: 'push-message' });
  const turnOn = h('button', { type: 'button', id: 'push-on' }, t('push.turn_on'));
  const test = h('button', { type: 'button', id: 'push-test', class: 'secondary' }, t('push.test'));
  const card = h('section', { id: 'push', 'aria-labelledby': 'push-heading' }, h('h2', { id: 'push-heading' }, t('push.heading')), status);
  function show(state, detail) {
    const words = { granted: 'push.subscribed', subscribed: 'push.subscribed', ask: 'push.ask', blocked: 'push.blocked',
      unsupported: 'push.unsupported', failed: 'push.failed', working: 'push.working' }[state];
    status.textContent = t(words, { message: detail ?? '' });
    card.dataset.state = state;
    put(card, card.firstChild, status, state === 'ask' || state === 'failed' ? turnOn : null, test, message);
  }
  turnOn.addEventListener('click', async () => {
    const { state, message: detail } = await turnOnPush(() => show('working'));
    show(state, detail);
  });
  test.addEventListener('click', async () => {
    put(message);
    try {
      await api('POST', '/devices/self/test', {});
      message.textContent = t('push.test_sent');
    } catch (e) {
      put(message, errorLine(e));
    }
  });
  const state = pushState();
  show(state === 'granted' ? 'subscribed' : state);
  // Allowed already: (re)subscribe, which also keeps the hub's copy fresh (browsers renew subscriptions now and then).
  if (state === 'granted') turnOnPush().then((r) => show(r.state, r.message));
  return card;
}

/** How many homes an operator's screen reads at a time (GET /homes?limit=…, docs/hub-api.md "Paging"). */
export const PAGE = 50;

// Putting the app on the home screen, in the way this browser offers; hidden once it runs from there.
function installCard() {
  const card = h('section', { id: 'install', 'aria-labelledby': 'install-heading' });
  const message = h('p', { role: 'status', id: 'install-message' });
  function show() {
    const state = installState();
    card.dataset.state = state;
    card.hidden = state === 'installed';
    const button = h('button', { type: 'button', id: 'install-button' }, t('install.button'));
    button.addEventListener('click', async () => {
      try {
        message.textContent = (await install()) === 'accepted' ? t('install.done') : t('install.later');
      } catch (e) {
        put(message, errorLine(e));
      }
      show();
    });
    put(card, h('h2', { id: 'install-heading' }, t('install.heading')),
      state === 'offered' ? button : h('p', { id: 'install-hint' }, t(state === 'ios' ? 'install.ios' : 'install.menu')), message);
  }
  whenInstallChanges(show);
  show();
  return card;
}

export async function homes(view, ctx) {
  const first = await api('GET', `/homes?limit=${PAGE}`);
  if (first.operator_of !== undefined) return operator(view, ctx, first);
  // A carer's few homes, all of them.
  const list = [...first.homes];
  for (let page = first; page.next;) {
    page = await api('GET', `/homes?limit=${PAGE}&after=${encodeURIComponent(page.next)}`);
    list.push(...page.homes);
  }
  title(view, t('homes.title'));
  if (list.length === 0) {
    view.append(h('p', {}, t('homes.none')), pushCard(), installCard());
    return;
  }
  view.append(h('ul', { class: 'cards' }, list.map((home) => h('li', {},
    h('h2', {}, h('a', { href: `#/home/${home.id}` }, home.label)),
    h('p', {}, home.open_alerts === 0 ? t('homes.no_open_alerts')
      : home.open_alerts === 1 ? t('homes.open_alert') : t('homes.open_alerts', { count: home.open_alerts })),
    h('p', {}, home.gateway.connected ? t('homes.connected') : t('homes.not_connected')),
    h('p', {}, h('a', { href: `#/home/${home.id}/check` }, t('homes.check', { label: home.label })))))), pushCard(), installCard());
  return { refresh: () => homes(view, ctx) };
}

// What needs someone at one home, in words (never colour alone): a tag, then the lines that explain it.
function attention(home) {
  const connection = home.gateway.connected ? t('homes.connected')
    : home.gateway.last_heard ? t('operator.last_heard', { time: time(home.gateway.last_heard) }) : t('operator.never_heard');
  if (home.unanswered > 0) {
    return { state: 'waiting', tag: t('operator.waiting'), lines: [home.unanswered === 1
      ? t('operator.unanswered_one', { time: time(home.waiting_since) })
      : t('operator.unanswered_many', { count: home.unanswered, time: time(home.waiting_since) }), connection] };
  }
  if (!home.gateway.connected) {
    return { state: 'not-connected', tag: t('operator.not_connected'), lines: [connection,
      home.open_alerts === 0 ? t('homes.no_open_alerts') : t('operator.answering_lines', { count: home.open_alerts })] };
  }
  if (home.open_alerts > 0) {
    return { state: 'answering', tag: t('operator.answering'), lines: [t('operator.answering_lines', { count: home.open_alerts }), connection] };
  }
  return { state: 'quiet', tag: t('operator.quiet'), lines: [t('homes.no_open_alerts'), connection] };
}

function operatorCard(home) {
  const a = attention(home);
  return h('li', { class: a.state, 'data-home': home.id, 'data-attention': a.state },
    h('h2', {}, h('span', { class: 'tag' }, a.tag), ' ', h('a', { href: `#/home/${home.id}`, 'data-link': 'alerts' }, home.label)),
    a.lines.map((line) => h('p', {}, line)),
    h('p', {}, h('a', { href: `#/home/${home.id}/check`, 'data-link': 'check' }, t('homes.check', { label: home.label }))));
}

// An alarm-receiving centre's screen: every home of the organisation, the ones that need someone first
// (the hub's order), a page at a time; the pages shown are read again when the live stream tells of a change.
function operator(view, ctx, first) {
  ctx.operatorOf = first.operator_of;
  title(view, t('operator.title', { org: first.operator_of }));
  const list = h('ul', { class: 'cards', id: 'operator-homes' });
  const count = h('p', { id: 'operator-count' });
  const waiting = h('p', { id: 'operator-waiting', class: 'total' });
  const more = h('button', { type: 'button', id: 'operator-more', class: 'secondary' }, t('operator.more'));
  const message = h('p', { role: 'status', id: 'operator-message' });
  view.append(waiting, h('p', {}, t('operator.order')), count, list, more, message, installCard());
  let shown = [];
  let next = null;
  let pages = 1;

  // The whole organisation's, not only the pages shown (GET /homes waiting_total and not_connected_total).
  function totals(page) {
    const w = page.waiting_total ?? 0;
    const n = page.not_connected_total ?? 0;
    put(waiting, w === 0 ? t('operator.waiting_total_none') : w === 1 ? t('operator.waiting_total_one')
      : t('operator.waiting_total_many', { count: w }),
    n === 0 ? null : ` ${n === 1 ? t('operator.not_connected_total_one') : t('operator.not_connected_total_many', { count: n })}`);
  }

  function show(homesShown, after) {
    // Keep the keyboard's place when the list is drawn again: the same link of the same home, wherever it moved.
    const focused = document.activeElement;
    const place = list.contains(focused) ? [focused.closest('[data-home]')?.dataset.home, focused.dataset.link] : null;
    shown = homesShown;
    next = after ?? null;
    put(list, shown.map(operatorCard));
    put(count, shown.length === 0 ? t('operator.none') : t('operator.shown', { count: shown.length }));
    more.hidden = next === null;
    if (place) list.querySelector(`[data-home="${CSS.escape(place[0] ?? '')}"] [data-link="${place[1]}"]`)?.focus();
  }

  more.addEventListener('click', async () => {
    put(message);
    try {
      const page = await api('GET', `/homes?limit=${PAGE}&after=${encodeURIComponent(next)}`);
      pages++;
      totals(page);
      show([...shown, ...page.homes], page.next);
      message.textContent = t('operator.shown', { count: shown.length });
    } catch (e) {
      put(message, errorLine(e));
    }
  });

  // The same number of pages again, from the first: a home whose need changed takes its new place.
  async function reread() {
    let page = await api('GET', `/homes?limit=${PAGE}`);
    totals(page);
    const all = [...page.homes];
    for (let n = 1; n < pages && page.next; n++) {
      page = await api('GET', `/homes?limit=${PAGE}&after=${encodeURIComponent(page.next)}`);
      all.push(...page.homes);
    }
    show(all, page.next);
  }

  // Many homes may tell things at once: read again at most once a second, and once more after the last.
  let timer = null;
  let again = false;
  function refresh() {
    if (timer) {
      again = true;
      return Promise.resolve();
    }
    timer = setTimeout(() => {
      timer = null;
      if (again) {
        again = false;
        refresh().catch(() => { /* The next change, or coming back online, reads again. */ });
      }
    }, 1000);
    return reread();
  }

  totals(first);
  show(first.homes, first.next);
  return { refresh };
}

export async function check(view, ctx, homeId) {
  const home = await homeOf(homeId);
  title(view, t('check.title', { label: home.label }));
  const summary = h('div', { id: 'summary', 'aria-live': 'polite' });
  const message = h('p', { role: 'status', id: 'check-message' });
  const now = h('button', { type: 'button', id: 'check-now' }, t('check.now'));
  now.addEventListener('click', async () => {
    put(message);
    try {
      const asked = await api('POST', `/homes/${homeId}/check`, {});
      message.textContent = t('check.asked', { time: time(asked.asked_at) });
    } catch (e) {
      put(message, errorLine(e));
    }
  });
  view.append(...[callLink(home), summary, now, message].filter(Boolean));

  async function fill() {
    const connected = (await homeOf(homeId)).gateway.connected;
    let s;
    try {
      s = await api('GET', `/homes/${homeId}/summary`);
    } catch (e) {
      if (e.status !== 404) throw e;
      put(summary, h('p', {}, t('check.none')));
      return;
    }
    const rooms = s.rooms ?? [];
    const sensors = s.sensors ?? [];
    const alertsOpen = s.open_alerts ?? 0;
    put(summary,
      h('p', {}, t('check.as_of', { time: time(s.at) })),
      s.stale ? h('p', { class: 'error' }, t('check.stale')) : null,
      h('h2', {}, t('check.resident')),
      h('p', { id: 'resident' }, s.resident?.words ?? stateWords('unknown')),
      h('h2', {}, t('check.rooms')),
      h('ul', { id: 'rooms' }, rooms.map((r) => h('li', {},
        r.last_movement ? t('check.room_moved', { room: roomWords(r.room), time: time(r.last_movement) })
          : t('check.room_no_movement', { room: roomWords(r.room) }),
        r.temperature_c !== undefined && r.temperature_c !== null ? `, ${t('check.temperature', { temperature: r.temperature_c })}` : ''))),
      h('h2', {}, t('check.sensors')),
      sensors.length === 0 ? h('p', {}, t('check.sensors_none'))
        : h('ul', { id: 'sensors' }, sensors.map((x) => h('li', {}, t('check.sensor', { id: x.id, room: x.room, reason: x.reason })))),
      h('h2', {}, t('check.alerts')),
      h('p', {}, alertsOpen === 0 ? t('homes.no_open_alerts') : alertsOpen === 1 ? t('homes.open_alert')
        : t('homes.open_alerts', { count: alertsOpen }), ' ', alertsOpen > 0 ? h('a', { href: `#/home/${homeId}` }, t('alerts.title', { label: home.label })) : null),
      h('h2', {}, t('check.connection')),
      h('p', { id: 'connected' }, connected ? t('check.connected') : t('check.not_connected')));
  }
  await fill();
  return { refresh: fill };
}

export async function devices(view, ctx) {
  const answer = await api('GET', '/devices');
  title(view, t('devices.title'));
  const message = h('p', { role: 'status' });
  if (answer.devices.length === 0) view.append(h('p', {}, t('devices.none')));
  view.append(h('ul', { class: 'cards' }, answer.devices.map((d) => {
    const item = h('li', { 'data-device': d.id });
    const remove = h('button', { type: 'button', class: 'secondary' }, t('devices.remove', { name: d.name }));
    remove.addEventListener('click', () => {
      const yes = h('button', { type: 'button' }, t('devices.confirm', { name: d.name }));
      const no = h('button', { type: 'button', class: 'secondary' }, t('devices.cancel'));
      no.addEventListener('click', () => confirm.replaceWith(remove));
      yes.addEventListener('click', async () => {
        try {
          await api('DELETE', `/devices/${d.id}`);
          if (d.this_device) {
            ctx.signedOut();
            return;
          }
          item.remove();
          message.textContent = t('devices.removed', { name: d.name });
        } catch (e) {
          put(message, errorLine(e));
        }
      });
      const confirm = h('p', {}, yes, no);
      remove.replaceWith(confirm);
      yes.focus();
    });
    item.append(h('h2', {}, d.name, d.this_device ? ` (${t('devices.this')})` : ''),
      h('p', {}, t('devices.since', { time: time(d.created_at) })), remove);
    return item;
  })), message);
}
