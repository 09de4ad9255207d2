import pg from 'pg';
import { NOTIFY } from './event-store.queries.js';

const NOTIFY_INTERVAL_MS = 20;
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

// Wake-ups for subscribers. In-process listeners hear of an append as soon as it commits.
// Other processes hear through LISTEN/NOTIFY: the writer sends at most one pg_notify per
// NOTIFY_INTERVAL_MS, always after the appends it covers have committed, and never inside an
// append (a notifying transaction takes a cluster-wide lock at commit). Wake-ups are hints:
// a subscriber still reads the log itself and polls as a fallback.
export class AppendNotifier {
  private readonly listeners = new Set<() => void>();
  private notifyTimer: NodeJS.Timeout | null = null;
  private lastNotifyAt = 0;
  private listenClient: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.listenClient && !this.reconnectTimer) void this.listen();
    return () => void this.listeners.delete(listener);
  }

  appended(): void {
    this.wakeListeners();
    if (this.notifyTimer || this.closed) return;
    const wait = Math.max(0, this.lastNotifyAt + NOTIFY_INTERVAL_MS - Date.now());
    this.notifyTimer = setTimeout(() => void this.sendNotify(), wait);
    this.notifyTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.notifyTimer) {
      clearTimeout(this.notifyTimer);
      await this.sendNotify(); // the appends it covers must still wake other processes
    }
    const client = this.listenClient;
    this.listenClient = null;
    this.listeners.clear();
    await client?.end().catch(() => undefined);
  }

  private async sendNotify(): Promise<void> {
    this.notifyTimer = null;
    this.lastNotifyAt = Date.now();
    await this.pool.query(NOTIFY, [this.channel]).catch(() => undefined); // a lost hint: pollers catch up
  }

  private wakeListeners(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A subscriber's failure is its own; the append has committed.
      }
    }
  }

  private async listen(): Promise<void> {
    this.reconnectTimer = null;
    const client = new pg.Client({ ...this.pool.options, application_name: 'bidledger-event-listener' });
    this.listenClient = client;
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.wakeListeners();
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`listen ${pg.escapeIdentifier(this.channel)}`);
      this.reconnectDelay = RECONNECT_MIN_MS;
      // Whatever was appended while not listening was not heard: wake everyone once.
      if (this.listenClient === client) this.wakeListeners();
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.listenClient !== client) return; // already replaced or closed
    this.listenClient = null;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.reconnectTimer = setTimeout(() => void this.listen(), this.reconnectDelay);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
  }
}
