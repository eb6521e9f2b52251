// What every screen is made of: its heading, words looked up with a fallback, a room's and a
// state's words, an error line, the home it is about, and the link to call its resident.
import { api, ApiError } from './api.js';
import { h, put } from './dom.js';
import { t } from './i18n.js';

export function title(view, text) {
  // Focused by the router when the screen is shown, so a screen reader starts there.
  const heading = h('h1', { tabindex: '-1' }, text);
  put(view, heading);
  return heading;
}

export function known(prefix, value) {
  const key = `${prefix}.${value}`;
  const text = t(key);
  return text === key ? null : text;
}

export function stateWords(state) {
  return known('state', state) ?? t('state.other', { state });
}

export function roomWords(room) {
  return room ? room.charAt(0).toUpperCase() + room.slice(1) : '';
}

export function errorLine(error) {
  return h('p', { class: 'error', role: 'alert' }, error instanceof ApiError ? error.message : t('app.failed', { message: error.message }));
}

export async function homeOf(id) {
  try {
    return await api('GET', `/homes/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) throw new ApiError(e.status, e.code, t('homes.none'));
    throw e;
  }
}

// A tel: link to call the resident, whose number the hub keeps for the home's carers; none when no number is set.
export function callLink(home) {
  if (!home.phone) return null;
  return h('p', { class: 'call' }, h('a', { href: `tel:${home.phone}`, id: 'call' }, t('call.resident', { label: home.label, phone: home.phone })));
}
