// `/jobs digest [on|off]`, `/jobs subscribe Q`, `/jobs subscriptions`, `/jobs unsubscribe N`, and who may do what.
import { textAnswer as reply, type Answer } from '../answers/index.ts';
import type { AlertStore } from '../store/alerts.ts';
import { writeFailure } from '../store/failures.ts';
import type { ChannelSubscription, DigestStore } from '../store/state.ts';
import type { DigestPoster } from './poster.ts';

export interface Who {
  userId: string;
  channelId: string;
  channelName?: string;
}

export interface CommandContext {
  store: DigestStore;
  alerts: AlertStore;
  poster: DigestPoster | null;
  admins: string[];
  configChannels: string[];
  maxAlerts: number;
  now(): Date;
  schedule(): string;
  nextRun(): string | null;
  label(iso: string): string;
  /** The channel's digest was turned off: forget a digest in flight. */
  turnedOff(channelId: string): void;
  /** Whether the channel's last digest went out but could not be recorded yet (so nothing new is posted). */
  heldBack(channelId: string): boolean;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Who may turn a channel's digest on or off. With ADMIN_USERS set, only those users. Without it, anyone may turn it on;
 * only the person who turned it on, or the channel's creator, may turn it off; a DIGEST_CHANNELS channel follows the
 * settings only. Returns why not, or null when allowed.
 */
export function refusal(verb: 'on' | 'off', who: string, channelId: string, sub: ChannelSubscription | null, rules: { admins: string[]; configChannels: string[]; creator?: string | null }): string | null {
  if (rules.admins.length) return rules.admins.includes(who) ? null : 'Only the people listed in ADMIN_USERS can turn a channel’s digest on or off. Ask one of them.';
  if (rules.configChannels.includes(channelId) || sub?.source === 'config') return 'This channel gets the digest from the app’s settings (DIGEST_CHANNELS). Ask whoever runs openroles to change it.';
  if (verb === 'on') return null;
  // A digest turned on before this rule existed has no known owner: anyone may turn it off, as before.
  if (!sub || sub.onBy === null || sub.onBy === who || (rules.creator && rules.creator === who)) return null;
  return 'Only the person who turned the digest on, or the channel’s creator, can turn it off.';
}

/** Handles a digest or alert subcommand; null when the text is not one. */
export async function digestCommand(ctx: CommandContext, text: string, who: Who): Promise<Answer | null> {
  try {
    return await run(ctx, text, who);
  } catch (err) {
    const reason = writeFailure(err);
    if (reason === null) throw err;
    return reply('Not saved', `I could not save that: ${reason}. Nothing changed; please try again in a minute.`);
  }
}

async function run(ctx: CommandContext, text: string, who: Who): Promise<Answer | null> {
  const [verb = '', ...rest] = text.trim().split(/\s+/);
  const arg = rest.join(' ').trim();
  // Replies say "this channel": Slack sends placeholder names ("privategroup", "directmessage") for private ones.
  const where = 'This channel';
  switch (verb.toLowerCase()) {
    case 'digest': {
      const sub = ctx.store.subscription(who.channelId);
      if (/^on$/i.test(arg)) {
        if (who.channelId.startsWith('D')) return reply('Digests are for channels', 'Run `/jobs digest on` in a channel; for yourself, use `/jobs subscribe <query>`.');
        if (sub && !sub.off) return reply('Daily digest already on', `${where} gets new and changed roles ${ctx.schedule()}. Next: ${ctx.nextRun() ?? 'not scheduled'}.`);
        const no = refusal('on', who.userId, who.channelId, sub, ctx);
        if (no) return reply('Not allowed', no);
        const member = ctx.poster ? await ctx.poster.isMember(who.channelId) : null;
        if (member === false) return reply('Invite me first', 'I am not in this channel. Invite me with `/invite @openroles`, then run `/jobs digest on` again.');
        // An unknown answer (a group DM, a missing scope, Slack failing or slow) never counts as yes.
        if (member !== true) return reply('Digest not turned on', 'Slack did not tell me whether I can post here, so the digest stays off. Digests work in public and private channels: invite me with `/invite @openroles` and run `/jobs digest on` there. If this is such a channel, try again in a minute.');
        ctx.store.subscribe(who.channelId, 'command', ctx.now(), who.userId);
        const resumed = sub ? ' It continues from what this channel was last sent.' : ' The first one counts the roles open now and says how to search them.';
        return reply('Daily digest on', `${where} will get new and changed roles ${ctx.schedule()}. Next: ${ctx.nextRun() ?? 'not scheduled'}.${resumed}`);
      }
      if (/^off$/i.test(arg)) {
        if (!sub || sub.off) return reply('Daily digest was not on', 'This channel was not subscribed.');
        let no = refusal('off', who.userId, who.channelId, sub, ctx);
        if (no && !ctx.admins.length && sub.source === 'command' && ctx.poster?.channelCreator) {
          no = refusal('off', who.userId, who.channelId, sub, { ...ctx, creator: await ctx.poster.channelCreator(who.channelId) });
        }
        if (no) return reply('Not allowed', no);
        ctx.store.unsubscribe(who.channelId, ctx.now(), who.userId);
        ctx.turnedOff(who.channelId);
        return reply('Daily digest off', `${where} will no longer get the digest. Turned on again, it continues from what this channel was last sent.`);
      }
      if (arg) return reply('Digest commands', 'Use `/jobs digest on`, `/jobs digest off`, or `/jobs digest` to see the state.');
      const on = !!sub && !sub.off;
      const last = ctx.store.lastDone(who.channelId);
      return reply(on ? 'Daily digest is on' : 'Daily digest is off', on
        ? `${where} gets new and changed roles ${ctx.schedule()}. Next: ${ctx.nextRun() ?? 'not scheduled'}.${last ? ` Last: ${ctx.label(last)}.` : ''}${ctx.heldBack(who.channelId) ? ' The last digest was posted but could not be saved yet (the database cannot be written); no new digest goes out here until it is.' : ''}`
        : `Turn it on with \`/jobs digest on\`; it posts ${ctx.schedule()}.`);
    }
    case 'subscribe': {
      if (!arg) return reply('What should I watch for?', 'Add a query, e.g. `/jobs subscribe remote python 150k+`.');
      const sub = ctx.alerts.addAlert(who.userId, arg.slice(0, 300), ctx.now(), ctx.maxAlerts);
      if (!sub) return reply('Too many alerts', `You hold ${ctx.maxAlerts} alerts, the most one person can. Remove one with \`/jobs unsubscribe N\` (see \`/jobs subscriptions\`), then try again.`);
      return reply('Alert saved', `I will message you when a new role matches “${sub.query}” (alert ${sub.id}). See them with \`/jobs subscriptions\`.`);
    }
    case 'subscriptions': {
      const subs = ctx.alerts.alerts(who.userId);
      if (!subs.length) return reply('No alerts', 'Create one with `/jobs subscribe <query>`.');
      return { intent: 'help', heading: `${plural(subs.length, 'alert')}`, parts: [{ type: 'list', title: 'Your alerts', items: subs.map((s) => `${s.id}: ${s.query}`), more: 0 }, { type: 'note', text: 'Remove one with /jobs unsubscribe N.' }], paging: null, leftOut: [], roleIds: [] };
    }
    case 'unsubscribe': {
      const n = Number(arg);
      if (!Number.isInteger(n) || n <= 0) return reply('Which alert?', 'Give its number from `/jobs subscriptions`, e.g. `/jobs unsubscribe 2`.');
      return ctx.alerts.removeAlert(who.userId, n) ? reply('Alert removed', `Alert ${n} is gone.`) : reply('No such alert', `You have no alert ${n}. See \`/jobs subscriptions\`.`);
    }
  }
  return null;
}
