// Words for people, from texts/LANG.json (one file per language, a file a translator can edit).
// The languages are the voice assistant's (voice's LanguageFile.BUILT_IN), each named in its own words.
export const LANGUAGES = { en: 'English', gu: 'ગુજરાતી', hi: 'हिन्दी', pa: 'ਪੰਜਾਬੀ', ur: 'اردو', pl: 'Polski', bn: 'বাংলা' };
const RIGHT_TO_LEFT = new Set(['ur']);
// The carer's choice, per device. Only a language code is kept here: the credential is an HttpOnly cookie.
const CHOICE = 'hearth.language';
// Where the service worker reads the choice (it cannot read localStorage), for the words of a notification.
const SETTINGS_CACHE = 'hearth-settings';

let texts = {};
let language = 'en';

/** The carer's choice on this device, else the browser's first language the app has, else English. */
export function preferredLanguage() {
  let chosen = null;
  try {
    chosen = localStorage.getItem(CHOICE);
  } catch { /* Storage may be off: the browser's language decides. */ }
  if (chosen in LANGUAGES) return chosen;
  const browser = (navigator.languages ?? [navigator.language]).map((l) => String(l).toLowerCase().split('-')[0]);
  return browser.find((l) => l in LANGUAGES) ?? 'en';
}

export function currentLanguage() {
  return language;
}

/** Loads the words of lang and lays the page out for its script; notifications follow it too. */
export async function loadTexts(lang) {
  const answer = await fetch(`/texts/${lang}.json`);
  if (!answer.ok) throw new Error(`texts for ${lang}: ${answer.status}`);
  texts = await answer.json();
  language = lang;
  document.documentElement.lang = lang;
  document.documentElement.dir = RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr';
  try {
    const cache = await caches.open(SETTINGS_CACHE);
    await cache.put('/settings/language', new Response(lang, { headers: { 'Content-Type': 'text/plain' } }));
  } catch { /* No Cache Storage here: notifications are in English. */ }
}

/** Loads the words of the carer's choice and remembers it on this device. */
export async function chooseLanguage(lang) {
  if (!(lang in LANGUAGES)) throw new Error(`no texts for ${lang}`);
  await loadTexts(lang);
  try {
    localStorage.setItem(CHOICE, lang);
  } catch { /* Not remembered: the app still shows it now. */ }
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
