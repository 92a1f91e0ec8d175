// The new listeners with small fakes: the /jobs add|remove step hands other subcommands on, mrkdwn is read back as
// the text a person sees, link_shared with nothing readable makes no call, and side panel prompts fit Slack.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pino from 'pino';
import { readCommand } from '../../src/answers/index.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { RecentIds } from '../../src/slack/dedupe.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { suggestedPrompts } from '../../src/slack/listeners/assistant/index.ts';
import { AddedPostings, type AddedStore } from '../../src/sources/added.ts';
import { Drafts } from '../../src/slack/drafts.ts';
import { postingRemove } from '../../src/slack/listeners/actions/posting-remove.ts';
import { addedCommand } from '../../src/slack/listeners/commands/added.ts';
import { addConfirmed, addFormSubmitted } from '../../src/slack/listeners/views/add-posting.ts';
import { ADD, formView, REMOVE_LIST_BLOCK } from '../../src/slack/posting-views.ts';
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

describe('added postings when the database fails', () => {
  // Every call fails as better-sqlite3 fails when another process holds the lock past the busy timeout.
  const busy = (): never => {
    throw new Database.SqliteError('database is locked', 'SQLITE_BUSY');
  };
  const failing: AddedStore = { all: busy, get: busy, byHash: busy, countBy: busy, insert: busy, remove: busy };
  const added = new AddedPostings(failing, () => undefined);
  const sorry = /^Could not .* just now \(the database is locked by another process\)\. Nothing changed; try again in a minute\.$/;
  const client = { views: { open: async () => ({}), update: async () => ({}) }, chat: { postMessage: async () => ({}), postEphemeral: async () => ({}) } };

  it('/jobs remove still acknowledges, with a sentence', async () => {
    for (const text of ['remove 3', 'remove']) {
      const acks: any[] = [];
      await addedCommand(deps({ added }))({ command: { text, user_id: 'U1', channel_id: 'C1', trigger_id: 't' }, ack: async (r) => void acks.push(r), client, next: async () => undefined });
      expect(acks, text).toHaveLength(1);
      expect(acks[0].response_type).toBe('ephemeral');
      expect(acks[0].text).toMatch(sorry);
    }
  });

  it('the add form still acknowledges, with the reason under the field', async () => {
    const acks: any[] = [];
    const posting = 'Senior Backend Engineer\nAcme Corp\nRemote (US)\n\nRequirements\n- 5+ years of Go\n- PostgreSQL';
    await addFormSubmitted(deps({ added }), new Drafts())({ ack: async (r) => void acks.push(r), body: { user: { id: 'U1' } }, view: { id: 'V1', private_metadata: '{}', state: { values: { [ADD.block]: { [ADD.input]: { value: posting } } } } }, client });
    expect(acks).toHaveLength(1);
    expect(acks[0].response_action).toBe('errors');
    expect(acks[0].errors[ADD.block]).toMatch(/^Could not read that just now/);
  });

  it('Save still acknowledges, back on the form with the text kept', async () => {
    const drafts = new Drafts();
    const draft = { input: 'Staff SRE at Acme', url: null, postings: [] };
    const key = drafts.put({ draft, userId: 'U1', channelId: 'C1' });
    const acks: any[] = [];
    await addConfirmed(deps({ added }), drafts)({ ack: async (r) => void acks.push(r), body: { user: { id: 'U1' } }, view: { private_metadata: JSON.stringify({ key }) }, client });
    expect(acks).toHaveLength(1);
    expect(acks[0].response_action).toBe('update');
    expect(acks[0].view.blocks[1].element.initial_value).toBe('Staff SRE at Acme');
    expect(JSON.stringify(acks[0].view)).toMatch(/Could not save that just now/);
  });

  it('the Remove button tells the person instead of going quiet', async () => {
    const said: any[] = [];
    await postingRemove(deps({ added }))({ ack: async () => undefined, action: { value: '3', block_id: `${REMOVE_LIST_BLOCK}1` }, body: { user: { id: 'U1' }, response_url: 'https://hooks.example/r' }, respond: async (m) => void said.push(m), client });
    expect(said).toHaveLength(1);
    expect(said[0].text).toMatch(sorry);
  });
});

describe('add modal text', () => {
  it('carries no bidirectional controls or broadcast words in its plain text', () => {
    const view = formView({ error: 'That link could not be read: evil\u202eexample.com\u2066 said @channel.' }) as { blocks: any[] };
    const hint = view.blocks[1].hint.text as string;
    expect(hint).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(hint).toContain('evilexample.com');
    expect(hint).not.toMatch(/@channel/);
  });
});
