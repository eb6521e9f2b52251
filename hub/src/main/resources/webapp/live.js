// The live stream (GET /api/v1/homes/stream, Server-Sent Events). The browser's EventSource
// reconnects by itself and sends Last-Event-ID, so the hub replays what was missed; when the hub
// refuses a reconnection (EventSource then gives up), onRefused is called at once: the app finds
// out why (a revoked device) or calls startLater().
const EVENTS = ['alert', 'alert-event', 'summary', 'gateway', 'test'];
const PAUSE_MS = 5000;

export class Live {
  constructor(onEvent, onConnection, onRefused) {
    this.onEvent = onEvent;
    this.onConnection = onConnection;
    this.onRefused = onRefused;
    this.source = null;
    this.timer = null;
    this.wasOffline = false;
  }

  start() {
    if (this.source) return;
    const source = new EventSource('/api/v1/homes/stream');
    this.source = source;
    source.addEventListener('open', () => {
      this.onConnection(true, this.wasOffline);
      this.wasOffline = false;
    });
    source.addEventListener('error', () => {
      this.wasOffline = true;
      this.onConnection(false, false);
      if (source.readyState === EventSource.CLOSED) {
        this.source = null;
        this.onRefused();
      }
    });
    for (const name of EVENTS) {
      source.addEventListener(name, (message) => {
        let data;
        try {
          data = JSON.parse(message.data);
        } catch {
          return;
        }
        this.onEvent(name, data);
      });
    }
  }

  /** Opens a new stream after a pause. */
  startLater() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), PAUSE_MS);
  }

  stop() {
    clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
  }
}
