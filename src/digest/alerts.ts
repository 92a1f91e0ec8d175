// Personal alerts, at least once and never twice: roles the alerts have not seen (also those added while the app was
// down) are matched against every subscription, one DM per user, an intent saved before each DM and cleared after.
import type { Logger } from 'pino';
import type { Posting } from '../postings/index.ts';
import { RoleIndex } from '../search/index.ts';
import type { AlertDelivery, AlertStore, AlertSubscription } from '../store/alerts.ts';
import { tryWrite } from '../store/failures.ts';
import { DigestErrorCode } from './errors.ts';
import { MarkerType, type AlertMatch, type DigestPoster } from './poster.ts';

export interface AlertOptions {
  /** Alerts one user may hold. */
  maxPerUser: number;
  /** Pause between two users' DMs, so one posting matching many users cannot flood the client the digests share. */
  gapMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Alerts per user unless configured otherwise. */
export const MAX_ALERTS_PER_USER = 20;
const HISTORY_SLACK_MS = 10 * 60_000;
const deliveryKey = (id: number): string => `alert/${id}`;

/** Thrown inside a pass to stop it; the pass is retried later. */
class Stop extends Error {}

export class Alerts {
  private seen: Set<string> | null = null;
  /** DMs Slack accepted whose record could not be written: not sent again, and nothing new is sent until saved. */
  private unsaved: AlertDelivery[] = [];
  /** DMs left in flight by an earlier stop: checked against the DM history before posting again. */
  private uncertain: AlertDelivery[] = [];
  private dms = new Map<string, string>();
  private stopping = false;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private store: AlertStore, private log: Logger, private now: () => Date, private opts: AlertOptions) {
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /**
   * One pass over the open roles; false when something could not be done now (a failed write, Slack unavailable) and
   * the pass should be retried. Safe to repeat: what was sent is recorded, or remembered until it can be.
   */
  async run(poster: DigestPoster, open: Posting[]): Promise<boolean> {
    try {
      if (!this.flush()) throw new Stop('earlier alerts are not recorded yet');
      if (!this.seen && !this.loadSeen(open)) throw new Stop('the roles alerts have seen cannot be read or saved');
      for (const d of [...this.uncertain]) await this.resume(poster, d);
      const fresh = open.filter((p) => !this.seen!.has(p.id));
      if (!fresh.length) return true;
      const index = RoleIndex.from(fresh);
      const byUser = new Map<string, AlertSubscription[]>();
      for (const s of this.store.alerts()) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s]);
      let first = true;
      let failures = 0;
      let failed = false;
      for (const [userId, subs] of byUser) {
        if (this.stopping) throw new Stop('the app is stopping; the rest is sent at the next start');
        const claims: Array<[number, string]> = [];
        const matches: AlertMatch[] = [];
        for (const sub of subs.slice(0, this.opts.maxPerUser)) {
          const ids = index.search(sub.query, { limit: 1000, now: this.now() }).hits.map((h) => h.posting.id);
          const done = this.store.alerted(sub.id, ids);
          const news = ids.filter((id) => !done.has(id));
          if (!news.length) continue;
          for (const id of news) claims.push([sub.id, id]);
          matches.push({ query: sub.query, postings: news.map((id) => index.get(id)!) });
        }
        if (!matches.length) continue;
        if (!first && this.opts.gapMs > 0) await this.sleep(this.opts.gapMs);
        first = false;
        try {
          await this.send(poster, userId, claims, poster.renderAlert(matches));
          failures = 0;
        } catch (err) {
          // One user's DM that Slack refuses now must not hold back everyone else's; several in a row mean Slack is down.
          if (err instanceof Stop || (err as { code?: string }).code !== DigestErrorCode.SlackUnavailable || ++failures >= 3) throw err;
          failed = true;
          this.log.warn({ err, user: userId }, 'alert not sent now; retried later');
        }
      }
      if (failed) return false;
      const w = tryWrite(() => this.store.markSeen(fresh.map((p) => p.id), this.now()));
      if (!w.ok) throw new Stop(`the roles alerts have seen cannot be saved (${w.reason})`);
      for (const p of fresh) this.seen!.add(p.id);
      return true;
    } catch (err) {
      if (err instanceof Stop) this.log.error({ reason: err.message }, 'alerts paused; retried later');
      else if ((err as { code?: string }).code === DigestErrorCode.SlackUnavailable) this.log.error({ err }, 'alerts paused: Slack did not answer; retried later');
      else this.log.error({ err }, 'alerts failed; retried later');
      return false;
    }
  }

  /** Ends the pass in progress after the current DM; what is left goes out at the next start. */
  stop(): void {
    this.stopping = true;
  }

  /** Retries recording DMs Slack accepted; true when nothing is left unsaved. */
  flush(): boolean {
    this.unsaved = this.unsaved.filter((d) => !tryWrite(() => this.store.finishDelivery(d, this.now())).ok);
    return !this.unsaved.length;
  }

  private loadSeen(open: Posting[]): boolean {
    const read = tryWrite(() => ({ seen: this.store.seen(), baseline: this.store.hasBaseline(), pending: this.store.pendingDeliveries() }));
    if (!read.ok) return false;
    if (!read.value.baseline) {
      // The first start: the roles open now are not news to anyone.
      const ids = open.map((p) => p.id);
      if (!tryWrite(() => this.store.setBaseline(ids, this.now())).ok) return false;
      ids.forEach((id) => read.value.seen.add(id));
    }
    this.seen = read.value.seen;
    this.uncertain = read.value.pending;
    if (this.uncertain.length) this.log.info({ deliveries: this.uncertain.length }, 'alert DMs left in flight by the last stop: checking the DM history before sending them');
    return true;
  }

  /** A DM an earlier stop left in flight: posted only when the DM history does not show it. */
  private async resume(poster: DigestPoster, d: AlertDelivery): Promise<void> {
    const since = new Date(Date.parse(d.startedAt) - HISTORY_SLACK_MS);
    let parts: Set<number> | null;
    try {
      parts = await poster.postedParts(d.channelId, MarkerType.Alert, deliveryKey(d.id), since);
    } catch (err) {
      if ((err as { code?: string }).code !== DigestErrorCode.ChannelGone) throw err;
      this.log.warn({ user: d.userId }, 'alert not deliverable: the DM is closed to the app');
      this.uncertain = this.uncertain.filter((u) => u.id !== d.id);
      return this.record(d);
    }
    if (parts === null) this.log.warn({ user: d.userId }, 'cannot read the DM history to see whether an alert was sent (is im:history granted?); sending it');
    if (!parts?.has(0)) await this.post(poster, d);
    this.uncertain = this.uncertain.filter((u) => u.id !== d.id);
    this.record(d);
  }

  private async send(poster: DigestPoster, userId: string, claims: Array<[number, string]>, message: Record<string, unknown>): Promise<void> {
    let channelId = this.dms.get(userId);
    if (!channelId) {
      try {
        channelId = await poster.openDm(userId);
      } catch (err) {
        if ((err as { code?: string }).code !== DigestErrorCode.ChannelGone) throw err;
        return void this.log.warn({ user: userId }, 'alert not deliverable: the user cannot be messaged');
      }
      this.dms.set(userId, channelId);
    }
    const d: AlertDelivery = { id: 0, userId, channelId, claims, message, startedAt: this.now().toISOString() };
    const w = tryWrite(() => this.store.startDelivery(d));
    if (!w.ok) throw new Stop(`an alert cannot be saved before it is sent (${w.reason})`);
    d.id = w.value;
    try {
      await this.post(poster, d);
    } catch (err) {
      this.uncertain.push(d);
      throw err;
    }
    this.record(d);
    this.log.info({ user: userId, alerts: new Set(claims.map(([s]) => s)).size, roles: new Set(claims.map(([, p]) => p)).size }, 'alert sent');
  }

  private async post(poster: DigestPoster, d: AlertDelivery): Promise<void> {
    try {
      await poster.post(d.channelId, d.message as Record<string, unknown>, { type: MarkerType.Alert, key: deliveryKey(d.id), part: 0, parts: 1 });
    } catch (err) {
      // A user who left cannot get it; recording it stops the retries.
      if ((err as { code?: string }).code === DigestErrorCode.ChannelGone) return void this.log.warn({ user: d.userId }, 'alert not deliverable: the DM is closed to the app');
      throw err;
    }
  }

  private record(d: AlertDelivery): void {
    const w = tryWrite(() => this.store.finishDelivery(d, this.now()));
    if (w.ok) return;
    this.unsaved.push(d);
    throw new Stop(`an alert was sent but cannot be recorded (${w.reason}); kept in memory, not sent again`);
  }
}
