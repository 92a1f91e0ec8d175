// Channel digests on a cron schedule, exactly once per slot, and personal alerts for new roles.
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { textAnswer, type Answer } from '../answers/index.ts';
import type { Config } from '../config.ts';
import type { Posting } from '../postings/index.ts';
import { RoleIndex } from '../search/index.ts';
import type { Catalog, CatalogChange } from '../sources/catalog.ts';
import type { DB } from '../store/db.ts';
import { DigestStore } from '../store/state.ts';
import { diff, isEmpty, sentRecords, type DigestContent } from './diff.ts';
import { DigestErrorCode } from './errors.ts';

/** How a digest or an alert reaches Slack; implemented in src/slack. */
export interface DigestPoster {
  /** Posts every message of a digest in order; resolves with the message count once Slack accepted all of them. */
  postDigest(channelId: string, content: DigestContent, info: { slotLabel: string; empty: boolean }): Promise<number>;
  postAlert(userId: string, query: string, postings: Posting[]): Promise<void>;
  /** Whether the bot is in the channel; null when Slack cannot tell. */
  isMember(channelId: string): Promise<boolean | null>;
}

export interface DigestOptions {
  cron: string;
  timezone: string;
  emptyPolicy: 'skip' | 'post';
  configChannels: string[];
  now?: () => Date;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

const reply = textAnswer;

export class DigestService {
  private cron: Cron | null = null;
  private poster: DigestPoster | null = null;
  private running: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly now: () => Date;

  constructor(readonly store: DigestStore, private index: RoleIndex, private log: Logger, private opts: DigestOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Subscribes configured channels, starts the schedule and posts a digest missed while the app was down. */
  async start(poster: DigestPoster): Promise<void> {
    this.poster = poster;
    for (const c of this.opts.configChannels) this.store.subscribe(c, 'config', this.now());
    this.cron = new Cron(this.opts.cron, { timezone: this.opts.timezone, protect: true }, (job: Cron) => {
      const slot = job.currentRun() ?? this.now();
      void this.tick(slot);
    });
    await this.catchUp();
  }

  /** The scheduled time before now; a channel whose last digest is older gets it once. */
  async catchUp(): Promise<void> {
    const probe = new Cron(this.opts.cron, { timezone: this.opts.timezone, paused: true });
    const prev = probe.previousRuns(1, this.now())[0];
    probe.stop();
    if (!prev) return;
    const slot = prev.toISOString();
    const due = this.store.channels().filter((c) => c.createdAt < slot && (this.store.lastDone(c.channelId) ?? '') < slot);
    if (!due.length) return;
    this.log.info({ slot, channels: due.length }, 'posting digests missed while the app was down');
    await this.tick(prev, due.map((c) => c.channelId));
  }

  /** Posts one digest per subscribed channel for this slot; serialised so ticks never overlap. */
  tick(slot: Date, only?: string[]): Promise<void> {
    this.running = this.running.then(() => this.runSlot(slot, only)).catch((err) => this.log.error({ err }, 'digest tick failed'));
    return this.running;
  }

  private async runSlot(slot: Date, only?: string[]): Promise<void> {
    if (!this.poster || this.closed) return;
    const slotIso = slot.toISOString();
    const open = this.openPostings();
    for (const { channelId } of this.store.channels()) {
      if (only && !only.includes(channelId)) continue;
      if (this.store.done(channelId, slotIso)) continue;
      const content = diff(open, this.store.sent(channelId));
      const empty = isEmpty(content);
      const log = this.log.child({ channel: channelId, slot: slotIso });
      try {
        let messages = 0;
        if (!empty || this.opts.emptyPolicy === 'post') messages = await this.poster.postDigest(channelId, content, { slotLabel: this.label(slot), empty });
        this.store.recordSent(channelId, slotIso, this.now(), { ...sentRecords(content), messages, empty });
        log.info({ added: content.added.length, changed: content.changed.length, gone: content.gone.length, messages }, empty ? 'digest empty' : 'digest posted');
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === DigestErrorCode.ChannelGone) {
          this.store.unsubscribe(channelId);
          log.warn({ reason: (err as Error).message }, 'channel unsubscribed: the bot can no longer post there');
        } else {
          this.store.recordFailed(channelId, slotIso, this.now(), (err as Error).message);
          log.error({ err }, 'digest not posted; it will be tried at the next tick');
        }
      }
    }
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

  /** New roles matching someone's alert: one DM per subscription, each role once. */
  async onCatalogChange(change: CatalogChange): Promise<void> {
    if (!this.poster || !change.added.length) return;
    const fresh = RoleIndex.from(change.added);
    for (const sub of this.store.alerts()) {
      const ids = fresh.search(sub.query, { limit: 1000, now: this.now() }).hits.map((h) => h.posting.id);
      const claimed = this.store.claimAlerts(sub.id, ids, this.now());
      if (!claimed.length) continue;
      try {
        await this.poster.postAlert(sub.userId, sub.query, claimed.map((id) => fresh.get(id)!));
        this.log.info({ user: sub.userId, subscription: sub.id, roles: claimed.length }, 'alert sent');
      } catch (err) {
        this.store.unclaimAlerts(sub.id, claimed);
        this.log.error({ err, user: sub.userId }, 'alert not sent');
      }
    }
  }

  /** `/jobs digest [on|off]`, `/jobs subscribe Q`, `/jobs subscriptions`, `/jobs unsubscribe N`. */
  async command(text: string, who: { userId: string; channelId: string; channelName?: string }): Promise<Answer | null> {
    const [verb = '', ...rest] = text.trim().split(/\s+/);
    const arg = rest.join(' ').trim();
    switch (verb.toLowerCase()) {
      case 'digest': {
        if (/^on$/i.test(arg)) {
          if (who.channelId.startsWith('D')) return reply('Digests are for channels', 'Run `/jobs digest on` in a channel; for yourself, use `/jobs subscribe <query>`.');
          // Replies say "this channel": Slack sends placeholder names ("privategroup", "directmessage") for private ones.
          const member = this.poster ? await this.poster.isMember(who.channelId) : null;
          if (member === false) return reply('Invite me first', `I am not in this channel. Invite me with \`/invite @openroles\`, then run \`/jobs digest on\` again.`);
          // An unknown answer (a group DM, a missing scope, Slack failing or slow) never counts as yes.
          if (member !== true) return reply('Digest not turned on', 'Slack did not tell me whether I can post here, so the digest stays off. Digests work in public and private channels: invite me with `/invite @openroles` and run `/jobs digest on` there. If this is such a channel, try again in a minute.');
          const added = this.store.subscribe(who.channelId, 'command', this.now());
          return reply(added ? 'Daily digest on' : 'Daily digest already on', `This channel will get new and changed roles ${this.describeSchedule()}. Next: ${this.nextRun() ?? 'not scheduled'}.`);
        }
        if (/^off$/i.test(arg)) {
          const removed = this.store.unsubscribe(who.channelId);
          return reply(removed ? 'Daily digest off' : 'Daily digest was not on', removed ? 'This channel will no longer get the digest.' : 'This channel was not subscribed.');
        }
        if (arg) return reply('Digest commands', 'Use `/jobs digest on`, `/jobs digest off`, or `/jobs digest` to see the state.');
        const on = this.store.isSubscribed(who.channelId);
        const last = this.store.lastDone(who.channelId);
        return reply(on ? 'Daily digest is on' : 'Daily digest is off', on
          ? `This channel gets new and changed roles ${this.describeSchedule()}. Next: ${this.nextRun() ?? 'not scheduled'}.${last ? ` Last: ${this.label(new Date(last))}.` : ''}`
          : `Turn it on with \`/jobs digest on\`; it posts ${this.describeSchedule()}.`);
      }
      case 'subscribe': {
        if (!arg) return reply('What should I watch for?', 'Add a query, e.g. `/jobs subscribe remote python 150k+`.');
        const sub = this.store.addAlert(who.userId, arg.slice(0, 300), this.now());
        return reply('Alert saved', `I will message you when a new role matches “${sub.query}” (alert ${sub.id}). See them with \`/jobs subscriptions\`.`);
      }
      case 'subscriptions': {
        const subs = this.store.alerts(who.userId);
        if (!subs.length) return reply('No alerts', 'Create one with `/jobs subscribe <query>`.');
        return { intent: 'help', heading: `${plural(subs.length, 'alert')}`, parts: [{ type: 'list', title: 'Your alerts', items: subs.map((s) => `${s.id}: ${s.query}`), more: 0 }, { type: 'note', text: 'Remove one with /jobs unsubscribe N.' }], paging: null, leftOut: [], roleIds: [] };
      }
      case 'unsubscribe': {
        const n = Number(arg);
        if (!Number.isInteger(n) || n <= 0) return reply('Which alert?', 'Give its number from `/jobs subscriptions`, e.g. `/jobs unsubscribe 2`.');
        return this.store.removeAlert(who.userId, n) ? reply('Alert removed', `Alert ${n} is gone.`) : reply('No such alert', `You have no alert ${n}. See \`/jobs subscriptions\`.`);
      }
    }
    return null;
  }

  private describeSchedule(): string {
    return `on the schedule “${this.opts.cron}” (${this.opts.timezone})`;
  }

  /** The digest that would be posted now, per subscribed channel (or for a new channel), without changing state. */
  dryRun(): Array<{ channelId: string | null; content: DigestContent }> {
    const open = this.openPostings();
    const channels = this.store.channels();
    if (!channels.length) return [{ channelId: null, content: diff(open, new Map()) }];
    return channels.map((c) => ({ channelId: c.channelId, content: diff(open, this.store.sent(c.channelId)) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cron?.stop();
    // A tick that started before the stop finishes; one queued after it sees `closed` and returns.
    let pending: Promise<void>;
    do {
      pending = this.running;
      await pending;
    } while (pending !== this.running);
  }
}

/** The digest over the app's database, wired to the catalog's changes for alerts. */
export function openDigest(config: Config, index: RoleIndex, catalog: Catalog, log: Logger, db: DB): DigestService {
  const service = new DigestService(new DigestStore(db), index, log.child({ component: 'digest' }), {
    cron: config.DIGEST_CRON,
    timezone: config.DIGEST_TZ,
    emptyPolicy: config.DIGEST_EMPTY,
    configChannels: config.DIGEST_CHANNELS,
  });
  catalog.onChange((c) => void service.onCatalogChange(c));
  return service;
}
