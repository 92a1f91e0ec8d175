// The new listeners with small fakes: the /jobs add|remove step hands other subcommands on, mrkdwn is read back as
// the text a person sees, link_shared with nothing readable makes no call, and side panel prompts fit Slack.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { readCommand } from '../../src/answers/index.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { RecentIds } from '../../src/slack/dedupe.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { suggestedPrompts } from '../../src/slack/listeners/assistant/index.ts';
import { addedCommand } from '../../src/slack/listeners/commands/added.ts';
import { linkShared } from '../../src/slack/listeners/events/link-shared.ts';
import { messageText } from '../../src/slack/listeners/shortcuts/add-from-message.ts';
import { corpus } from '../helpers.ts';

const log = pino({ level: 'silent' });
const index = RoleIndex.from(corpus());
const deps = (extra: Partial<SlackDeps> = {}): SlackDeps => ({ ctx: () => ({ index }), log, ...extra });

describe('/jobs add and remove', () => {
  it('hands every other subcommand to /jobs', async () => {
    let nexted = 0;
    const acks: unknown[] = [];
    const handler = addedCommand(deps({ added: {} as never }));
    for (const text of ['remote python', 'address', 'removed roles', '', 'add-on engineer', 'remove-ops lead']) {
      await handler({ command: { text, user_id: 'U1', channel_id: 'C1', trigger_id: 't' }, ack: async (r) => void acks.push(r), client: { views: { open: async () => ({}) } }, next: async () => void nexted++ });
    }
    expect(nexted).toBe(6);
    expect(acks).toEqual([]);
  });

  it('acknowledges before opening the form, with the text given prefilled', async () => {
    const order: string[] = [];
    let view: any;
    await addedCommand(deps({ added: {} as never }))({
      command: { text: 'add https://jobs.lever.co/acme/1', user_id: 'U1', channel_id: 'C1', trigger_id: 'trig' },
      ack: async () => void order.push('ack'),
      client: { views: { open: async (a: { view?: unknown }) => { order.push('open'); view = a.view; return {}; } } },
      next: async () => undefined,
    });
    expect(order).toEqual(['ack', 'open']);
    expect(view.blocks[1].element.initial_value).toBe('https://jobs.lever.co/acme/1');
    expect(JSON.parse(view.private_metadata)).toEqual({ channelId: 'C1' });
  });
});

describe('/jobs add-on engineer', () => {
  it('is a search, read as /jobs reads it, not the add form', async () => {
    expect(readCommand('add-on engineer')).toEqual({ kind: 'search', query: 'add-on engineer' });
    let opened = 0;
    let nexted = 0;
    await addedCommand(deps({ added: {} as never }))({ command: { text: 'add-on engineer', user_id: 'U1', channel_id: 'C1', trigger_id: 't' }, ack: async () => undefined, client: { views: { open: async () => void opened++ } }, next: async () => void nexted++ });
    expect([opened, nexted]).toEqual([0, 1]);
  });

  it('keeps the line breaks of a posting pasted after add', async () => {
    let view: any;
    await addedCommand(deps({ added: {} as never }))({ command: { text: 'ADD Staff SRE\nAcme\n\nRequirements\n- Go', user_id: 'U1', channel_id: 'C1', trigger_id: 't' }, ack: async () => undefined, client: { views: { open: async (a: { view?: unknown }) => void (view = a.view) } }, next: async () => undefined });
    expect(view.blocks[1].element.initial_value).toBe('Staff SRE\nAcme\n\nRequirements\n- Go');
  });
});

describe('messageText', () => {
  it('reads links, mentions and entities as a person sees them', () => {
    expect(messageText('*Staff SRE* at <https://acme.example|Acme> &amp; co <@U123> <!here>\n<https://jobs.lever.co/acme/1>')).toBe('*Staff SRE* at Acme (https://acme.example) & co  \nhttps://jobs.lever.co/acme/1');
    expect(messageText('<https://jobs.lever.co/acme/1|https://jobs.lever.co/acme/1>')).toBe('https://jobs.lever.co/acme/1');
  });

  it('stays linear on long input that almost matches', () => {
    const nasty = `${'<https://a'.repeat(20_000)}|${'x'.repeat(20_000)}`;
    expect(messageText(nasty).length).toBeGreaterThan(0);
  });
});

describe('link_shared', () => {
  it('makes no call when no link could be read', async () => {
    const calls: unknown[] = [];
    await linkShared(deps({ readBoardLink: async () => null }), new RecentIds())({
      event: { channel: 'C1', message_ts: '1.1', links: [{ url: 'https://jobs.lever.co/a/b' }] },
      client: { chat: { unfurl: async (a) => void calls.push(a) } },
    });
    expect(calls).toEqual([]);
  });
});

describe('side panel prompts', () => {
  it('are at most four, each short, built from the roles open now', () => {
    const prompts = suggestedPrompts(deps());
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(4);
    for (const p of prompts) expect(p.title.length).toBeLessThanOrEqual(75);
    expect(suggestedPrompts(deps({ ctx: () => ({ index: RoleIndex.from([]) }) })).length).toBeLessThanOrEqual(4);
  });
});
