// The digest's state: subscriptions, what each channel was sent, digests in flight, and a record of each digest.
import type { DB } from './db.ts';

export interface SentPosting {
  postingId: string;
  hash: string;
  /** The facts a digest reports changes in (title, pay, location, work mode), as last sent. */
  facts: Record<string, string>;
}

export interface DigestRecord {
  channelId: string;
  slot: string;
  status: 'sent' | 'empty' | 'failed';
  at: string;
}

export interface ChannelSubscription {
  channelId: string;
  /** When the digest was (last) turned on. */
  createdAt: string;
  source: 'command' | 'config';
  /** Who turned it on with `/jobs digest on`; null for DIGEST_CHANNELS. */
  onBy: string | null;
  /** Turned off (by a command, or because the channel is gone); what it was sent is kept. */
  off: boolean;
}

/** What a posted digest tells the channel, stored once Slack accepted every message. */
export interface SentRecords {
  added: SentPosting[];
  changed: SentPosting[];
  gone: string[];
  messages: number;
  empty: boolean;
}

/** A digest in flight: its messages as rendered, what it records once posted, and how many parts Slack accepted. */
export interface DigestRun {
  channelId: string;
  slot: string;
  messages: unknown[];
  records: SentRecords;
  posted: number;
  startedAt: string;
}

type SubscriptionRow = { channel_id: string; created_at: string; source: string; on_by: string | null; off_at: string | null };
const subscription = (r: SubscriptionRow): ChannelSubscription => ({ channelId: r.channel_id, createdAt: r.created_at, source: r.source === 'config' ? 'config' : 'command', onBy: r.on_by, off: r.off_at !== null });

/** Typed access to the tables; every write that must hold together runs in one transaction. */
export class DigestStore {
  constructor(readonly db: DB) {}

  /**
   * Turns a channel's digest on; true when it was not on. A configured channel is only added, never turned back on
   * after someone turned it off, so a restart does not undo that.
   */
  subscribe(channelId: string, source: 'command' | 'config', at: Date, by: string | null = null): boolean {
    if (source === 'config') return this.db.prepare("INSERT OR IGNORE INTO channel_subscriptions (channel_id, source, created_at) VALUES (?, 'config', ?)").run(channelId, at.toISOString()).changes > 0;
    return this.db
      .prepare("INSERT INTO channel_subscriptions (channel_id, source, created_at, on_by) VALUES (?, 'command', ?, ?) ON CONFLICT (channel_id) DO UPDATE SET source = 'command', created_at = excluded.created_at, on_by = excluded.on_by, off_at = NULL, off_by = NULL WHERE off_at IS NOT NULL")
      .run(channelId, at.toISOString(), by).changes > 0;
  }

  /** Turns a channel's digest off; what it was sent is kept, so turning it on again continues from there. */
  unsubscribe(channelId: string, at: Date = new Date(), by: string | null = null): boolean {
    return this.db.prepare('UPDATE channel_subscriptions SET off_at = ?, off_by = ? WHERE channel_id = ? AND off_at IS NULL').run(at.toISOString(), by, channelId).changes > 0;
  }

  subscription(channelId: string): ChannelSubscription | null {
    const r = this.db.prepare('SELECT channel_id, created_at, source, on_by, off_at FROM channel_subscriptions WHERE channel_id = ?').get(channelId) as SubscriptionRow | undefined;
    return r ? subscription(r) : null;
  }

  /** Channels whose digest is on. */
  channels(): ChannelSubscription[] {
    return (this.db.prepare('SELECT channel_id, created_at, source, on_by, off_at FROM channel_subscriptions WHERE off_at IS NULL ORDER BY created_at, channel_id').all() as SubscriptionRow[]).map(subscription);
  }

  isSubscribed(channelId: string): boolean {
    return this.subscription(channelId)?.off === false;
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

  /** Records a posted (or empty) digest and what it told the channel, in one transaction. */
  recordSent(channelId: string, slot: string, at: Date, records: SentRecords): void {
    this.db.transaction(() => this.applySent(channelId, slot, at, records))();
  }

  private applySent(channelId: string, slot: string, at: Date, r: SentRecords): void {
    const upsert = this.db.prepare('INSERT INTO sent_postings (channel_id, posting_id, hash, facts, sent_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id, posting_id) DO UPDATE SET hash = excluded.hash, facts = excluded.facts, sent_at = excluded.sent_at');
    for (const p of [...r.added, ...r.changed]) upsert.run(channelId, p.postingId, p.hash, JSON.stringify(p.facts), at.toISOString());
    const del = this.db.prepare('DELETE FROM sent_postings WHERE channel_id = ? AND posting_id = ?');
    for (const id of r.gone) del.run(channelId, id);
    this.db
      .prepare('INSERT OR IGNORE INTO digests (channel_id, slot, status, new_count, changed_count, gone_count, messages, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(channelId, slot, r.empty ? 'empty' : 'sent', r.added.length, r.changed.length, r.gone.length, r.messages, at.toISOString());
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

  /** The intent: saved before the first message is posted. */
  startRun(run: DigestRun): void {
    this.db
      // Replaces only a run that was dropped (turned off) but could not be deleted then.
      .prepare('INSERT OR REPLACE INTO digest_runs (channel_id, slot, messages, records, posted, started_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(run.channelId, run.slot, JSON.stringify(run.messages), JSON.stringify(run.records), run.posted, run.startedAt);
  }

  /** How many parts Slack accepted so far. */
  runProgress(channelId: string, slot: string, posted: number): void {
    this.db.prepare('UPDATE digest_runs SET posted = MAX(posted, ?) WHERE channel_id = ? AND slot = ?').run(posted, channelId, slot);
  }

  /** Every part posted: record what the channel was told and clear the intent, in one transaction. */
  finishRun(run: DigestRun, at: Date): void {
    this.db.transaction(() => {
      this.applySent(run.channelId, run.slot, at, run.records);
      this.db.prepare('DELETE FROM digest_runs WHERE channel_id = ? AND slot = ?').run(run.channelId, run.slot);
    })();
  }

  dropRun(channelId: string, slot: string): void {
    this.db.prepare('DELETE FROM digest_runs WHERE channel_id = ? AND slot = ?').run(channelId, slot);
  }

  /** Digests left in flight by a stop that did not finish them (a crash, a failed write, Slack down). */
  pendingRuns(): DigestRun[] {
    const rows = this.db.prepare('SELECT channel_id, slot, messages, records, posted, started_at FROM digest_runs ORDER BY started_at').all() as Array<{ channel_id: string; slot: string; messages: string; records: string; posted: number; started_at: string }>;
    return rows.map((r) => ({ channelId: r.channel_id, slot: r.slot, messages: JSON.parse(r.messages) as unknown[], records: JSON.parse(r.records) as SentRecords, posted: r.posted, startedAt: r.started_at }));
  }
}
