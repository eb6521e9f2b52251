// Words for people, from texts/LANG.json (a file a translator can edit). English only so far.
let texts = {};
let language = 'en';

export async function loadTexts(lang = 'en') {
  const answer = await fetch(`/texts/${lang}.json`);
  if (!answer.ok) throw new Error(`texts for ${lang}: ${answer.status}`);
  texts = await answer.json();
  language = lang;
  document.documentElement.lang = lang;
}

/** The text for key, with {name} replaced by vars.name. A missing key shows itself, so it is noticed. */
export function t(key, vars = {}) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** A time of day, with the day when it is not today. */
export function time(iso) {
  if (!iso) return '';
  const at = new Date(iso);
  const clock = at.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === new Date().toDateString()) return clock;
  return `${at.toLocaleDateString(language, { weekday: 'short', day: 'numeric', month: 'short' })} ${clock}`;
}
