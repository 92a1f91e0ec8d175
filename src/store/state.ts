// The digest's state: subscriptions, what each channel was sent, and a record of each digest.
import type { DB } from './db.ts';

export interface SentPosting {
  postingId: string;
  hash: string;
  /** The facts a digest reports changes in (title, pay, location, work mode), as last sent. */
  facts: Record<string, string>;
}

export interface AlertSubscription {
  id: number;
  userId: string;
  query: string;
  createdAt: string;
}

export interface DigestRecord {
  channelId: string;
  slot: string;
  status: 'sent' | 'empty' | 'failed';
  at: string;
}

/** Typed access to the tables; every write that must hold together runs in one transaction. */
export class DigestStore {
  constructor(private db: DB) {}

  subscribe(channelId: string, source: 'command' | 'config', at: Date): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO channel_subscriptions (channel_id, source, created_at) VALUES (?, ?, ?)').run(channelId, source, at.toISOString()).changes > 0;
  }

  unsubscribe(channelId: string): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM sent_postings WHERE channel_id = ?').run(channelId);
      return this.db.prepare('DELETE FROM channel_subscriptions WHERE channel_id = ?').run(channelId).changes > 0;
    })();
  }

  channels(): Array<{ channelId: string; createdAt: string; source: string }> {
    return (this.db.prepare('SELECT channel_id, created_at, source FROM channel_subscriptions ORDER BY created_at, channel_id').all() as Array<{ channel_id: string; created_at: string; source: string }>).map((r) => ({ channelId: r.channel_id, createdAt: r.created_at, source: r.source }));
  }

  isSubscribed(channelId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM channel_subscriptions WHERE channel_id = ?').get(channelId);
  }

  sent(channelId: string): Map<string, SentPosting> {
    const rows = this.db.prepare('SELECT posting_id, hash, facts FROM sent_postings WHERE channel_id = ?').all(channelId) as Array<{ posting_id: string; hash: string; facts: string }>;
    return new Map(rows.map((r) => [r.posting_id, { postingId: r.posting_id, hash: r.hash, facts: JSON.parse(r.facts) as Record<string, string> }]));
  }

  /** Whether the digest for this slot was already posted (or found empty) for the channel. */
  done(channelId: string, slot: string): boolean {
    return !!this.db.prepare("SELECT 1 FROM digests WHERE channel_id = ? AND slot = ? AND status IN ('sent', 'empty')").get(channelId, slot);
  }

  lastDone(channelId: string): string | null {
    const r = this.db.prepare("SELECT MAX(slot) AS slot FROM digests WHERE channel_id = ? AND status IN ('sent', 'empty')").get(channelId) as { slot: string | null };
    return r.slot;
  }

  /** Records a posted digest and what it told the channel, in one transaction. */
  recordSent(channelId: string, slot: string, at: Date, counts: { added: SentPosting[]; changed: SentPosting[]; gone: string[]; messages: number; empty: boolean }): void {
    this.db.transaction(() => {
      const upsert = this.db.prepare('INSERT INTO sent_postings (channel_id, posting_id, hash, facts, sent_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id, posting_id) DO UPDATE SET hash = excluded.hash, facts = excluded.facts, sent_at = excluded.sent_at');
      for (const p of [...counts.added, ...counts.changed]) upsert.run(channelId, p.postingId, p.hash, JSON.stringify(p.facts), at.toISOString());
      const del = this.db.prepare('DELETE FROM sent_postings WHERE channel_id = ? AND posting_id = ?');
      for (const id of counts.gone) del.run(channelId, id);
      this.db
        .prepare('INSERT INTO digests (channel_id, slot, status, new_count, changed_count, gone_count, messages, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(channelId, slot, counts.empty ? 'empty' : 'sent', counts.added.length, counts.changed.length, counts.gone.length, counts.messages, at.toISOString());
    })();
  }

  recordFailed(channelId: string, slot: string, at: Date, error: string): void {
    this.db.prepare("INSERT INTO digests (channel_id, slot, status, error, at) VALUES (?, ?, 'failed', ?, ?)").run(channelId, slot, error, at.toISOString());
  }

  digests(channelId?: string): DigestRecord[] {
    const rows = (channelId
      ? this.db.prepare('SELECT channel_id, slot, status, at FROM digests WHERE channel_id = ? ORDER BY id').all(channelId)
      : this.db.prepare('SELECT channel_id, slot, status, at FROM digests ORDER BY id').all()) as Array<{ channel_id: string; slot: string; status: DigestRecord['status']; at: string }>;
    return rows.map((r) => ({ channelId: r.channel_id, slot: r.slot, status: r.status, at: r.at }));
  }

  addAlert(userId: string, query: string, at: Date): AlertSubscription {
    const r = this.db.prepare('INSERT INTO alert_subscriptions (user_id, query, created_at) VALUES (?, ?, ?)').run(userId, query, at.toISOString());
    return { id: Number(r.lastInsertRowid), userId, query, createdAt: at.toISOString() };
  }

  alerts(userId?: string): AlertSubscription[] {
    const rows = (userId
      ? this.db.prepare('SELECT id, user_id, query, created_at FROM alert_subscriptions WHERE user_id = ? ORDER BY id').all(userId)
      : this.db.prepare('SELECT id, user_id, query, created_at FROM alert_subscriptions ORDER BY id').all()) as Array<{ id: number; user_id: string; query: string; created_at: string }>;
    return rows.map((r) => ({ id: r.id, userId: r.user_id, query: r.query, createdAt: r.created_at }));
  }

  removeAlert(userId: string, id: number): boolean {
    return this.db.prepare('DELETE FROM alert_subscriptions WHERE id = ? AND user_id = ?').run(id, userId).changes > 0;
  }

  /** Marks postings as alerted for a subscription; returns those not alerted before. */
  claimAlerts(subscriptionId: number, postingIds: string[], at: Date): string[] {
    const ins = this.db.prepare('INSERT OR IGNORE INTO alerts_sent (subscription_id, posting_id, sent_at) VALUES (?, ?, ?)');
    return this.db.transaction(() => postingIds.filter((id) => ins.run(subscriptionId, id, at.toISOString()).changes > 0))();
  }

  unclaimAlerts(subscriptionId: number, postingIds: string[]): void {
    const del = this.db.prepare('DELETE FROM alerts_sent WHERE subscription_id = ? AND posting_id = ?');
    this.db.transaction(() => postingIds.forEach((id) => del.run(subscriptionId, id)))();
  }
}
