// The alert screens: a home's open alerts, its history, and one alert, where a carer says "on my
// way" and closes it with an outcome.
import { api } from './api.js';
import { h, put } from './dom.js';
import { t, time } from './i18n.js';
import { callLink, errorLine, homeOf, known, roomWords, stateWords, title } from './parts.js';

const OUTCOMES = ['resident_fine', 'helped_up', 'ambulance_called', 'false_alarm', 'other'];

function kindWords(alert) {
  return known('kind', alert.kind) ?? t('kind.other');
}

// What and where; a worn sensor's fall has no room (it went wherever she was), so only what.
function alertTitle(alert) {
  return alert.room ? t('alert.title', { what: kindWords(alert), room: alert.room }) : kindWords(alert);
}

/** How a closed alert ended, as the carer chose it (ended.outcome), in this language; null when the hub has no such value. */
function outcomeWords(alert) {
  return alert.ended?.outcome ? known('outcome', alert.ended.outcome) : null;
}

// Who is being told now: the escalation as the gateway's events tell it (its ESCALATED and LADDER_EXHAUSTED).
function escalationWords(a) {
  const trail = a.trail ?? [];
  const passedOn = trail.filter((e) => e.event === 'ESCALATED').pop();
  if (trail.some((e) => e.event === 'LADDER_EXHAUSTED')) return t('alert.ladder_exhausted');
  if (passedOn) return t('alert.escalated', { time: time(passedOn.at), level: a.level });
  return t('alert.level_first', { level: a.level });
}

// When the next people will be told (the gateway's plan, which the hub passes on as next_escalation), in words.
function nextEscalationWords(a) {
  const next = a.next_escalation;
  if (!next?.at || !next.to || Number.isNaN(Date.parse(next.at))) return null;
  return t('alert.next_escalation', { to: next.to, time: time(next.at) });
}

// One alert in a list: its urgency in words, what and where (a link to the alert), its words, when, and now.
function alertCard(homeId, alert, now) {
  return h('li', { class: alert.severity, 'data-alert': alert.id },
    h('h2', {}, h('span', { class: 'tag' }, known('severity', alert.severity) ?? alert.severity),
      h('a', { href: `#/home/${homeId}/alert/${alert.id}` }, alertTitle(alert))),
    h('p', {}, alert.words),
    h('p', {}, t('alerts.raised', { time: time(alert.raised_at) }), ' · ', now));
}

export async function alerts(view, ctx, homeId) {
  const home = await homeOf(homeId);
  title(view, t('alerts.title', { label: home.label }));
  const list = h('div', { id: 'alert-list' });
  view.append(list, h('p', {}, h('a', { href: `#/home/${homeId}/check` }, t('alerts.check'))),
    h('p', {}, h('a', { href: `#/home/${homeId}/history` }, t('alerts.history'))));
  async function fill() {
    const { alerts: open } = await api('GET', `/homes/${homeId}/alerts?state=open`);
    if (open.length === 0) {
      put(list, h('p', {}, t('alerts.none')));
      return;
    }
    put(list, h('ul', { class: 'cards' }, open.map((alert) => alertCard(homeId, alert, stateWords(alert.state)))));
  }
  await fill();
  return { refresh: fill };
}

// Every alert the hub keeps for the home (open ones first, then the newest), each with how it ended.
export async function history(view, ctx, homeId) {
  const home = await homeOf(homeId);
  title(view, t('history.title', { label: home.label }));
  const list = h('div', { id: 'history' });
  view.append(h('p', {}, t('history.kept')), list, h('p', {}, h('a', { href: `#/home/${homeId}` }, t('alert.back'))));
  async function fill() {
    const { alerts: all } = await api('GET', `/homes/${homeId}/alerts`);
    if (all.length === 0) {
      put(list, h('p', {}, t('history.none')));
      return;
    }
    put(list, h('ul', { class: 'cards' }, all.map((alert) => {
      const card = alertCard(homeId, alert, alert.ended
        ? t('history.ended', { time: time(alert.ended.at), words: alert.ended.words })
        : `${t('history.still_open')}: ${stateWords(alert.state)}`);
      const outcome = outcomeWords(alert);
      if (outcome) card.append(h('p', { class: 'outcome' }, t('history.outcome', { outcome })));
      return card;
    })));
  }
  await fill();
  return { refresh: fill };
}

export async function alert(view, ctx, homeId, alertId) {
  const [first, home] = await Promise.all([api('GET', `/homes/${homeId}/alerts/${alertId}`), homeOf(homeId)]);
  title(view, alertTitle(first));
  const details = h('div', { id: 'alert-details' });
  const message = h('p', { role: 'status', id: 'alert-message' });
  const actions = h('div', { id: 'alert-actions' });
  view.append(...[callLink(home), details, actions, message, h('p', {}, h('a', { href: `#/home/${homeId}` }, t('alert.back')))]
    .filter(Boolean));

  const ack = h('button', { type: 'button', id: 'ack' }, t('alert.ack'));
  ack.addEventListener('click', () => {
    // This carer is answering it: the sound stops here at once (the others' when the gateway says it is acknowledged).
    ctx.alarm.answered(alertId);
    act(() => api('POST', `/homes/${homeId}/alerts/${alertId}/ack`, { note: t('alert.ack_note') }), t('alert.ack_sent'));
  });
  const note = h('textarea', { id: 'resolve-note', maxlength: '500' });
  const resolveForm = h('form', { id: 'resolve' },
    h('fieldset', {}, h('legend', {}, t('alert.resolve_legend')),
      OUTCOMES.map((outcome) => h('label', {}, h('input', { type: 'radio', name: 'outcome', value: outcome }), t(`outcome.${outcome}`)))),
    h('label', { for: 'resolve-note' }, t('alert.resolve_note')), note,
    h('button', { type: 'submit' }, t('alert.resolve')));
  resolveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = resolveForm.querySelector('input[name=outcome]:checked');
    if (!chosen) {
      put(message, h('span', { class: 'error' }, t('alert.resolve_choose')));
      return;
    }
    act(() => api('POST', `/homes/${homeId}/alerts/${alertId}/resolve`, { outcome: chosen.value, note: note.value }), t('alert.resolve_sent'));
  });

  async function act(call, done) {
    put(message);
    try {
      const view = await call();
      message.textContent = done;
      show(view);
    } catch (e) {
      put(message, errorLine(e));
    }
  }

  function show(a) {
    const rows = [
      [t('alert.what'), [h('span', { class: `tag ${a.severity}` }, known('severity', a.severity) ?? a.severity), a.words]],
      [t('alert.where'), roomWords(a.room)],
      [t('alert.when'), time(a.raised_at)],
      [t('alert.state'), stateWords(a.state)],
      a.state === 'resolved' || a.state === 'acknowledged' ? null : [t('alert.told_now'), escalationWords(a)],
      a.state === 'resolved' || a.state === 'acknowledged' || !nextEscalationWords(a) ? null
        : [t('alert.next'), h('span', { id: 'next-escalation' }, nextEscalationWords(a))],
      outcomeWords(a) ? [t('alert.outcome'), outcomeWords(a)] : null,
      [t('alert.told'), a.told.length === 0 ? t('alert.told_none')
        : a.told.map((x) => (x.delivered_at ? t('alert.told_one', { carer: x.carer, time: time(x.delivered_at) })
          : t('alert.told_waiting', { carer: x.carer }))).join('; ')],
      [t('alert.on_the_way'), a.on_the_way.length === 0 ? t('alert.on_the_way_none')
        : a.on_the_way.map((x) => t('alert.on_the_way_one', { carer: x.carer, time: time(x.at) })).join('; ')],
    ];
    put(details,
      a.test ? h('p', { class: 'note' }, t('alert.test')) : null,
      h('dl', {}, rows.filter(Boolean).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
      h('h2', {}, t('alert.trail')),
      h('ol', { class: 'trail', id: 'trail' }, (a.trail ?? []).map((e) => h('li', {}, `${time(e.at)}: ${e.words}`))));
    if (a.state === 'resolved') put(actions, h('p', {}, t('alert.closed')));
    else if (ctx.operatorOf) put(actions, h('p', {}, t('operator.watch_only')));
    else if (!actions.hasChildNodes()) put(actions, ack, resolveForm);
  }

  show(first);
  return { refresh: async () => show(await api('GET', `/homes/${homeId}/alerts/${alertId}`)) };
}
