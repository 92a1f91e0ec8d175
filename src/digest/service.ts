// Channel digests on a cron schedule, effectively once per slot, and personal alerts for new roles.
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Answer } from '../answers/index.ts';
import type { Config } from '../config.ts';
import type { Posting } from '../postings/index.ts';
import type { RoleIndex } from '../search/index.ts';
import type { Catalog, CatalogChange } from '../sources/catalog.ts';
import { AlertStore } from '../store/alerts.ts';
import type { DB } from '../store/db.ts';
import { tryWrite } from '../store/failures.ts';
import { DigestStore } from '../store/state.ts';
import { Alerts, MAX_ALERTS_PER_USER } from './alerts.ts';
import { digestCommand, type Who } from './commands.ts';
import { diff, isEmpty, LIST_LIMIT, sentRecords, shape, type DigestContent } from './diff.ts';
import { DigestErrorCode } from './errors.ts';
import type { DigestPoster } from './poster.ts';
import { DigestRuns } from './runs.ts';

export type { DigestPoster } from './poster.ts';

export interface DigestOptions {
  cron: string;
  timezone: string;
  emptyPolicy: 'skip' | 'post';
  configChannels: string[];
  /** Users who may turn any channel's digest on or off (ADMIN_USERS); empty: see `refusal` in commands.ts. */
  admins?: string[];
  /** More new roles than this are counted, not listed. */
  listLimit?: number;
  maxAlertsPerUser?: number;
  /** Pause between two users' alert DMs. */
  alertGapMs?: number;
  /** First wait before retrying failed writes and alerts; doubles up to 5 minutes. */
  retryMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

const RETRY_MS = 5000;
const MAX_RETRY_MS = 5 * 60_000;

export class DigestService {
  private cron: Cron | null = null;
  private poster: DigestPoster | null = null;
  private running: Promise<void> = Promise.resolve();
  private alerting: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | null = null;
  /** Channels per slot whose digest could not start because the database refused writes. */
  private behind = new Map<string, Set<string>>();
  private retryMs: number;
  private closed = false;
  private readonly now: () => Date;
  readonly alertStore: AlertStore;
  private readonly runs: DigestRuns;
  private readonly alerts: Alerts;

  constructor(readonly store: DigestStore, private index: RoleIndex, private log: Logger, private opts: DigestOptions, alertStore?: AlertStore) {
    this.now = opts.now ?? (() => new Date());
    this.retryMs = opts.retryMs ?? RETRY_MS;
    this.alertStore = alertStore ?? new AlertStore(store.db);
    this.runs = new DigestRuns(store, log, this.now);
    this.alerts = new Alerts(this.alertStore, log, this.now, { maxPerUser: opts.maxAlertsPerUser ?? MAX_ALERTS_PER_USER, gapMs: opts.alertGapMs ?? 500, sleep: opts.sleep });
  }

  /**
   * Subscribes configured channels (once: a restart neither re-adds one turned off nor posts anything for it) and turns
   * off those no longer configured; resumes digests and alerts a previous process left in flight; sends alerts for
   * roles added while the app was down; starts the schedule and posts a digest missed while the app was down.
   */
  async start(poster: DigestPoster): Promise<void> {
    this.poster = poster;
    for (const c of this.opts.configChannels) {
      const w = tryWrite(() => this.store.subscribe(c, 'config', this.now()));
      if (!w.ok) this.log.error({ channel: c, reason: w.reason }, `DIGEST_CHANNELS: could not save the subscription (${w.reason}); retried at the next start`);
    }
    // A channel taken out of DIGEST_CHANNELS stops getting the digest (what it was sent is kept).
    for (const c of this.store.channels()) {
      if (c.source !== 'config' || this.opts.configChannels.includes(c.channelId)) continue;
      const w = tryWrite(() => this.store.unsubscribe(c.channelId, this.now()));
      if (w.ok) this.log.info({ channel: c.channelId }, 'digest off: the channel is no longer in DIGEST_CHANNELS');
    }
    const inFlight = this.runs.load();
    if (inFlight) this.log.info({ digests: inFlight }, 'digests left in flight by the last stop: checking the channels before posting the rest');
    this.cron = new Cron(this.opts.cron, { timezone: this.opts.timezone, protect: true }, (job: Cron) => {
      const slot = job.currentRun() ?? this.now();
      void this.tick(slot);
    });
    // Both go on in the background (start-up never waits for Slack); close() waits for them.
    void this.alertPass();
    void this.catchUp().catch((err) => this.log.error({ err }, 'digest catch-up failed'));
  }

  /** The scheduled time before now; a channel whose last digest is older gets it once. Resumes digests in flight. */
  async catchUp(): Promise<void> {
    const probe = new Cron(this.opts.cron, { timezone: this.opts.timezone, paused: true });
    const prev = probe.previousRuns(1, this.now())[0];
    probe.stop();
    const slot = prev?.toISOString() ?? '';
    const due = this.store.channels().filter((c) => prev && c.createdAt < slot && (this.store.lastDone(c.channelId) ?? '') < slot).map((c) => c.channelId);
    const inFlight = this.store.channels().filter((c) => this.runs.of(c.channelId).length).map((c) => c.channelId);
    if (!due.length && !inFlight.length) return;
    if (due.length) this.log.info({ slot, channels: due.length }, 'posting digests missed while the app was down');
    await this.tick(prev ?? this.now(), [...new Set([...due, ...inFlight])], !prev || !due.length);
  }

  /** Posts one digest per subscribed channel for this slot; serialised so ticks never overlap. */
  tick(slot: Date, only?: string[], resumeOnly = false): Promise<void> {
    this.running = this.running.then(() => this.runSlot(slot, only, resumeOnly)).catch((err) => this.log.error({ err }, 'digest tick failed'));
    return this.running;
  }

  private async runSlot(slot: Date, only: string[] | undefined, resumeOnly: boolean): Promise<void> {
    const poster = this.poster;
    if (!poster || this.closed) return;
    const slotIso = slot.toISOString();
    const open = this.openPostings();
    // Once the database refuses a digest's intent, the other channels wait for the retry instead of each waiting on it.
    let writesFailing = false;
    for (const { channelId } of this.store.channels()) {
      if (only && !only.includes(channelId)) continue;
      for (const [s, set] of this.behind) if (s <= slotIso) set.delete(channelId);
      if (writesFailing) {
        this.fallBehind(slotIso, channelId);
        continue;
      }
      const log = this.log.child({ channel: channelId, slot: slotIso });
      try {
        // A digest still in flight goes out first, and a channel whose last digest is not recorded gets nothing new.
        let clear = true;
        for (const run of this.runs.of(channelId)) if ((await this.runs.deliver(poster, run)) !== 'sent') clear = false;
        if (!clear) {
          log.warn('digest held back: the previous one is not recorded yet');
          this.scheduleRetry();
          continue;
        }
        if (resumeOnly || this.store.done(channelId, slotIso)) continue;
        const sent = this.store.sent(channelId);
        const content = shape(diff(open, sent), sent.size === 0 && this.store.lastDone(channelId) === null, this.opts.listLimit ?? LIST_LIMIT);
        const empty = isEmpty(content);
        if (empty && this.opts.emptyPolicy === 'skip') {
          const w = tryWrite(() => this.store.recordSent(channelId, slotIso, this.now(), sentRecords(content, 0, true)));
          if (!w.ok) log.warn({ reason: w.reason }, 'empty digest not recorded');
          continue;
        }
        const messages = poster.renderDigest(content, { slotLabel: this.label(slot), empty });
        const outcome = await this.runs.begin(poster, { channelId, slot: slotIso, messages, records: sentRecords(content, messages.length, empty), posted: 0, startedAt: this.now().toISOString() });
        if (outcome === 'sent') log.info({ added: content.added.length, changed: content.changed.length, gone: content.gone.length, messages: messages.length, summarised: !!content.summary }, empty ? 'digest empty' : 'digest posted');
        else {
          writesFailing = true;
          this.fallBehind(slotIso, channelId);
        }
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === DigestErrorCode.ChannelGone) {
          this.runs.drop(channelId);
          tryWrite(() => this.store.unsubscribe(channelId, this.now()));
          log.warn({ reason: (err as Error).message }, 'channel unsubscribed: the bot can no longer post there');
        } else {
          const w = tryWrite(() => this.store.recordFailed(channelId, slotIso, this.now(), (err as Error).message));
          if (!w.ok) log.warn({ reason: w.reason }, 'digest failure not recorded');
          log.error({ err }, 'digest not posted in full; the rest is posted at the next tick');
        }
      }
    }
  }

  /** A channel whose digest for this slot could not start because writes fail: the retry runs the slot for it again. */
  private fallBehind(slot: string, channelId: string): void {
    const set = this.behind.get(slot) ?? new Set<string>();
    set.add(channelId);
    this.behind.set(slot, set);
    this.scheduleRetry();
  }

  /** Retries failed writes and alerts after a pause that doubles (up to 5 minutes) while they keep failing. */
  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.running = this.running.then(() => {
        if (!this.closed && !this.runs.flush()) this.scheduleRetry();
      });
      for (const [slot, channels] of this.behind) {
        this.behind.delete(slot);
        if (channels.size) void this.tick(new Date(slot), [...channels]);
      }
      void this.alertPass();
    }, wait);
    this.retryTimer.unref?.();
  }

  /** One pass of alerts over the open roles, serialised; a pass that could not finish is retried. Never rejects. */
  private alertPass(): Promise<void> {
    this.alerting = this.alerting.then(async () => {
      if (!this.poster || this.closed) return;
      const ok = await this.alerts.run(this.poster, this.openPostings()).catch((err) => {
        this.log.error({ err }, 'alerts failed');
        return false;
      });
      if (!ok) this.scheduleRetry();
      else if (!this.runs.pending) this.retryMs = this.opts.retryMs ?? RETRY_MS;
    });
    return this.alerting;
  }

  /** Open roles: those whose validThrough has not passed. */
  private openPostings(): Posting[] {
    const today = this.now().toISOString();
    return this.index.all().filter((p) => !p.validThrough || p.validThrough >= today.slice(0, p.validThrough.length));
  }

  private label(d: Date): string {
    return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: this.opts.timezone, timeZoneName: 'short' }).format(d);
  }

  /** The next scheduled digest, in the digest's time zone. */
  nextRun(): string | null {
    const probe = new Cron(this.opts.cron, { timezone: this.opts.timezone, paused: true });
    const next = probe.nextRun(this.now());
    probe.stop();
    return next ? this.label(next) : null;
  }

  /** New roles (also those the alerts have not seen yet) matching someone's alert. Never rejects. */
  onCatalogChange(change: CatalogChange): Promise<void> {
    if (!change.added.length) return Promise.resolve();
    return this.alertPass();
  }

  /** `/jobs digest [on|off]`, `/jobs subscribe Q`, `/jobs subscriptions`, `/jobs unsubscribe N`. */
  command(text: string, who: Who): Promise<Answer | null> {
    return digestCommand({
      store: this.store,
      alerts: this.alertStore,
      poster: this.poster,
      admins: this.opts.admins ?? [],
      configChannels: this.opts.configChannels,
      maxAlerts: this.opts.maxAlertsPerUser ?? MAX_ALERTS_PER_USER,
      now: this.now,
      schedule: () => `on the schedule “${this.opts.cron}” (${this.opts.timezone})`,
      nextRun: () => this.nextRun(),
      label: (iso) => this.label(new Date(iso)),
      turnedOff: (channelId) => this.runs.drop(channelId),
      heldBack: (channelId) => this.runs.of(channelId).some((r) => r.unsaved),
    }, text, who);
  }

  /** The digest that would be posted now, per subscribed channel (or for a new channel), without changing state. */
  dryRun(): Array<{ channelId: string | null; content: DigestContent }> {
    const open = this.openPostings();
    const channels = this.store.channels();
    if (!channels.length) return [{ channelId: null, content: shape(diff(open, new Map()), true) }];
    return channels.map((c) => {
      const sent = this.store.sent(c.channelId);
      return { channelId: c.channelId, content: shape(diff(open, sent), sent.size === 0 && this.store.lastDone(c.channelId) === null) };
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.alerts.stop();
    this.cron?.stop();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // A tick that started before the stop finishes; one queued after it sees `closed` and returns.
    for (const chain of ['running', 'alerting'] as const) {
      let pending: Promise<void>;
      do {
        pending = this[chain];
        await pending;
      } while (pending !== this[chain]);
    }
  }
}

/** The digest over the app's database, wired to the catalog's changes for alerts. */
export function openDigest(config: Config, index: RoleIndex, catalog: Catalog, log: Logger, db: DB): DigestService {
  const service = new DigestService(new DigestStore(db), index, log.child({ component: 'digest' }), {
    cron: config.DIGEST_CRON,
    timezone: config.DIGEST_TZ,
    emptyPolicy: config.DIGEST_EMPTY,
    configChannels: config.DIGEST_CHANNELS,
    admins: config.ADMIN_USERS,
  });
  catalog.onChange((c) => void service.onCatalogChange(c));
  return service;
}
