// Personal alerts: subscriptions, which roles each was alerted about, DMs in flight, and which roles alerts have seen.
import type { DB } from './db.ts';

export interface AlertSubscription {
  id: number;
  userId: string;
  query: string;
  createdAt: string;
}

/** A DM in flight: saved before posting, cleared (with its roles marked alerted) once Slack accepted it. */
export interface AlertDelivery {
  id: number;
  userId: string;
  channelId: string;
  /** [subscription id, posting id] pairs the DM announces. */
  claims: Array<[number, string]>;
  message: unknown;
  startedAt: string;
}

type SubRow = { id: number; user_id: string; query: string; created_at: string };
const sub = (r: SubRow): AlertSubscription => ({ id: r.id, userId: r.user_id, query: r.query, createdAt: r.created_at });

export class AlertStore {
  constructor(private db: DB) {}

  /** Saves an alert unless the user already holds `max`; null then. */
  addAlert(userId: string, query: string, at: Date, max: number): AlertSubscription | null {
    return this.db.transaction(() => {
      const n = (this.db.prepare('SELECT COUNT(*) AS n FROM alert_subscriptions WHERE user_id = ?').get(userId) as { n: number }).n;
      if (n >= max) return null;
      const r = this.db.prepare('INSERT INTO alert_subscriptions (user_id, query, created_at) VALUES (?, ?, ?)').run(userId, query, at.toISOString());
      return { id: Number(r.lastInsertRowid), userId, query, createdAt: at.toISOString() };
    })();
  }

  alerts(userId?: string): AlertSubscription[] {
    const rows = (userId
      ? this.db.prepare('SELECT id, user_id, query, created_at FROM alert_subscriptions WHERE user_id = ? ORDER BY id').all(userId)
      : this.db.prepare('SELECT id, user_id, query, created_at FROM alert_subscriptions ORDER BY user_id, id').all()) as SubRow[];
    return rows.map(sub);
  }

  removeAlert(userId: string, id: number): boolean {
    return this.db.prepare('DELETE FROM alert_subscriptions WHERE id = ? AND user_id = ?').run(id, userId).changes > 0;
  }

  /** Of these postings, those this subscription was already alerted about. */
  alerted(subscriptionId: number, postingIds: string[]): Set<string> {
    const q = this.db.prepare('SELECT 1 FROM alerts_sent WHERE subscription_id = ? AND posting_id = ?');
    return new Set(postingIds.filter((id) => q.get(subscriptionId, id)));
  }

  /** The intent, saved before the DM is posted; returns its id. */
  startDelivery(d: Omit<AlertDelivery, 'id'>): number {
    const r = this.db.prepare('INSERT INTO alert_deliveries (user_id, channel_id, claims, message, started_at) VALUES (?, ?, ?, ?, ?)').run(d.userId, d.channelId, JSON.stringify(d.claims), JSON.stringify(d.message), d.startedAt);
    return Number(r.lastInsertRowid);
  }

  /** Slack accepted the DM: mark its roles alerted and clear the intent, in one transaction. */
  finishDelivery(d: AlertDelivery, at: Date): void {
    // A subscription removed meanwhile has nothing to mark (the foreign key would refuse it).
    const ins = this.db.prepare('INSERT OR IGNORE INTO alerts_sent (subscription_id, posting_id, sent_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM alert_subscriptions WHERE id = ?)');
    this.db.transaction(() => {
      for (const [s, p] of d.claims) ins.run(s, p, at.toISOString(), s);
      this.db.prepare('DELETE FROM alert_deliveries WHERE id = ?').run(d.id);
    })();
  }

  dropDelivery(id: number): void {
    this.db.prepare('DELETE FROM alert_deliveries WHERE id = ?').run(id);
  }

  pendingDeliveries(): AlertDelivery[] {
    const rows = this.db.prepare('SELECT id, user_id, channel_id, claims, message, started_at FROM alert_deliveries ORDER BY id').all() as Array<{ id: number; user_id: string; channel_id: string; claims: string; message: string; started_at: string }>;
    return rows.map((r) => ({ id: r.id, userId: r.user_id, channelId: r.channel_id, claims: JSON.parse(r.claims) as Array<[number, string]>, message: JSON.parse(r.message) as unknown, startedAt: r.started_at }));
  }

  /** Roles the alerts have already looked at; any other open role is new to them (also one added while the app was down). */
  seen(): Set<string> {
    return new Set((this.db.prepare('SELECT posting_id FROM alert_seen_roles').all() as Array<{ posting_id: string }>).map((r) => r.posting_id));
  }

  markSeen(postingIds: string[], at: Date): void {
    const ins = this.db.prepare('INSERT OR IGNORE INTO alert_seen_roles (posting_id, seen_at) VALUES (?, ?)');
    this.db.transaction(() => postingIds.forEach((id) => ins.run(id, at.toISOString())))();
  }

  /** Whether the roles open at the first start were taken as already seen (they are not news to anyone). */
  hasBaseline(): boolean {
    return !!this.db.prepare("SELECT 1 FROM store_meta WHERE key = 'alerts_baseline'").get();
  }

  setBaseline(postingIds: string[], at: Date): void {
    this.db.transaction(() => {
      this.markSeen(postingIds, at);
      this.db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('alerts_baseline', ?)").run(at.toISOString());
    })();
  }
}
