// Putting the app on the home screen (docs/carer-app.md, "Install"): the browser's own prompt where it
// offers one (beforeinstallprompt, in Chromium-based browsers), words for iPhones and iPads (Safari
// has no prompt: Share, then Add to Home Screen), the browser's menu elsewhere, and nothing once the
// app runs from the home screen. Imported at start, so the browser's offer is not missed.
let offered = null;
let installed = false;
let changed = () => {};

window.addEventListener('beforeinstallprompt', (event) => {
  // Kept for the app's own button, rather than the browser's banner at a moment of its choosing.
  event.preventDefault();
  offered = event;
  changed();
});

window.addEventListener('appinstalled', () => {
  offered = null;
  installed = true;
  changed();
});

/** 'installed', 'offered' (the browser's prompt can be shown), 'ios' (Share, then Add to Home Screen) or 'menu'. */
export function installState() {
  if (installed || window.matchMedia('(display-mode: standalone)').matches || navigator.standalone === true) return 'installed';
  // iPadOS says it is a Mac; a Mac has no touch screen. Every browser there is Safari's engine, which offers no prompt.
  const apple = /iPhone|iPad|iPod/.test(navigator.userAgent) || (/Macintosh/.test(navigator.userAgent) && navigator.maxTouchPoints > 1);
  if (apple) return 'ios';
  return offered ? 'offered' : 'menu';
}

/** Shows the browser's prompt (once: a prompt cannot be shown twice); 'accepted' or 'dismissed'. */
export async function install() {
  const event = offered;
  offered = null;
  await event.prompt();
  const { outcome } = await event.userChoice;
  return outcome;
}

/** Calls f whenever the answer of installState() may have changed; one screen listens at a time. */
export function whenInstallChanges(f) {
  changed = f;
}
