// The alert sound while the app is open (docs/carer-app.md, "The alert sound"): a two-note tone made by
// Web Audio (no sound file) and a long buzz, again every few seconds, for as long as an alert that
// arrived live is unanswered and the carer has not silenced it. Browsers keep sound off until the
// person has tapped the page: the state is then 'blocked', and turnSoundOn() (from a button press) lets it play.

/** The buzz of an alert, here and in the service worker's notifications (sw.js ALERT_VIBRATION): long and insistent. */
export const ALERT_VIBRATION = [800, 200, 800, 200, 800, 200, 800];
const EVERY_MS = 4000;
// Two notes, high then low, four times: unlike a phone's ordinary one-note chime.
const NOTES = [988, 740, 988, 740, 988, 740, 988, 740];
const NOTE_S = 0.18;

export class Alarm {
  /** onChange(state) is told 'off', 'playing' or 'blocked' whenever that changes. */
  constructor(onChange) {
    this.onChange = onChange;
    this.ringing = new Set();
    this.silenced = new Set();
    this.audio = null;
    this.timer = null;
  }

  /** A new unanswered alert arrived live: ring, unless the carer silenced this one already. */
  raise(alertId) {
    if (this.silenced.has(alertId)) return;
    this.ringing.add(alertId);
    this.update();
  }

  /** Someone acknowledged or closed it. */
  answered(alertId) {
    this.ringing.delete(alertId);
    this.update();
  }

  /** The carer tapped Silence: quiet until a new alert. */
  silence() {
    for (const id of this.ringing) this.silenced.add(id);
    this.ringing.clear();
    this.update();
  }

  /** From a button press, which browsers need before they play sound; it plays once the audio is running. */
  async turnSoundOn() {
    await this.audio?.resume();
  }

  state() {
    if (this.ringing.size === 0) return 'off';
    return this.audio?.state === 'running' ? 'playing' : 'blocked';
  }

  update() {
    if (this.ringing.size > 0 && this.timer === null) {
      const Audio = window.AudioContext || window.webkitAudioContext;
      if (!this.audio && Audio) {
        this.audio = new Audio();
        // Running now (allowed at last, or resumed): play at once rather than at the next ring.
        this.audio.addEventListener('statechange', () => {
          if (this.state() === 'playing') this.ring();
          this.onChange(this.state());
        });
      } else {
        // Suspended when the last alert was answered.
        this.audio?.resume().catch(() => { /* Not allowed yet: 'blocked' until the carer turns the sound on. */ });
      }
      this.ring();
      this.timer = setInterval(() => this.ring(), EVERY_MS);
    } else if (this.ringing.size === 0 && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
      navigator.vibrate?.(0);
      this.audio?.suspend();
    }
    this.onChange(this.state());
  }

  ring() {
    navigator.vibrate?.(ALERT_VIBRATION);
    const audio = this.audio;
    if (audio?.state !== 'running') return;
    const start = audio.currentTime + 0.05;
    NOTES.forEach((frequency, i) => {
      const note = audio.createOscillator();
      const loudness = audio.createGain();
      const at = start + i * NOTE_S;
      note.type = 'square';
      note.frequency.value = frequency;
      // A short rise and fall, so each note starts and stops without a click.
      loudness.gain.setValueAtTime(0, at);
      loudness.gain.linearRampToValueAtTime(0.3, at + 0.01);
      loudness.gain.linearRampToValueAtTime(0, at + NOTE_S - 0.01);
      note.connect(loudness).connect(audio.destination);
      note.start(at);
      note.stop(at + NOTE_S);
    });
  }
}
