// Every kind of message the app sends, for a large generated corpus with hostile postings: Block Kit limits and escaping.
import { describe, expect, it } from 'vitest';
import { generatePostings } from '../../bench/corpus.ts';
import { ask, details, find } from '../../src/answers/index.ts';
import { diff } from '../../src/digest/diff.ts';
import type { Posting } from '../../src/postings/index.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { answerMessage, LIMITS, type Block, type SlackMessage } from '../../src/slack/blocks.ts';
import { digestMessages } from '../../src/slack/digest-poster.ts';
import { homeView } from '../../src/slack/home.ts';

const HOSTILE = ['<!channel>', '<!here|here>', '@here', '@channel', '<@U123>', '<#C1|general>', '<https://evil.example|click me>', '&amp; & < >', '*bold* _it_ ~st~ `code`', '```block```', '\u202e reversed'];

function hostile(p: Posting, i: number): Posting {
  const h = HOSTILE[i % HOSTILE.length]!;
  return {
    ...p,
    title: `${p.title} ${h}${i % 50 === 0 ? ' Extremely '.repeat(40) : ''}`,
    company: `${p.company} ${h}`,
    requirements: [...p.requirements, `Must love ${h}`, ...(i % 40 === 0 ? Array.from({ length: 200 }, (_, k) => `Requirement ${k} ${'x'.repeat(300)}`) : [])],
    niceToHave: i % 30 === 0 ? Array.from({ length: 80 }, (_, k) => `Nice ${k} ${h}`) : p.niceToHave,
    locations: i % 70 === 0 ? Array.from({ length: 60 }, (_, k) => `City ${k} ${h}`) : p.locations,
    skills: i % 60 === 0 ? [...p.skills, ...Array.from({ length: 40 }, (_, k) => `Skill${k}`)] : p.skills,
  };
}

const postings = generatePostings(2500, 11).map(hostile);
const ctx = { index: RoleIndex.from(postings), now: new Date('2026-11-23') };

function texts(blocks: Block[]): Array<{ kind: string; text: string; limit: number }> {
  const out: Array<{ kind: string; text: string; limit: number }> = [];
  for (const b of blocks as Array<Record<string, any>>) {
    if (b.type === 'header') out.push({ kind: 'header', text: b.text.text, limit: LIMITS.header });
    if (b.type === 'section') {
      if (b.text) out.push({ kind: `section-${b.text.type}`, text: b.text.text, limit: LIMITS.sectionText });
      expect((b.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
      for (const f of b.fields ?? []) out.push({ kind: 'field', text: f.text, limit: LIMITS.fieldText });
      if (b.accessory?.text) out.push({ kind: 'button', text: b.accessory.text.text, limit: LIMITS.button });
    }
    if (b.type === 'context') for (const e of b.elements) out.push({ kind: 'context', text: e.text, limit: LIMITS.contextText });
    if (b.type === 'actions') {
      for (const e of b.elements) {
        out.push({ kind: 'button', text: e.text.text, limit: LIMITS.button });
        expect(String(e.value).length).toBeLessThanOrEqual(2000);
      }
    }
  }
  return out;
}

function check(blocks: Block[], maxBlocks: number = LIMITS.blocks): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  expect(blocks.length).toBeGreaterThan(0);
  if (maxBlocks === LIMITS.blocks) expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(13_000);
  for (const t of texts(blocks)) {
    expect(t.text.length, t.kind).toBeLessThanOrEqual(t.limit);
    expect(t.text.length, t.kind).toBeGreaterThan(0);
    // Nothing from a posting can mention, link or broadcast: plain text is never parsed, and in mrkdwn the only "<" left is our own.
    if (t.kind !== 'header' && t.kind !== 'button') expect(t.text.replace(/<@U1>|<@someone>/g, '')).not.toMatch(/<[!@#h]/);
    expect(t.text).not.toMatch(/(^|[^\u200b])@(here|channel|everyone)\b/);
    expect(t.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  }
}

function checkMessage(m: SlackMessage): void {
  check(m.blocks);
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallback);
  expect(m.text).not.toMatch(/<[!@#]/);
  expect(m).toMatchObject({ unfurl_links: false, unfurl_media: false });
}

describe('Block Kit limits and escaping', () => {
  it('search pages', () => {
    for (const q of ['engineer', 'remote', 'python 150k+', 'staff', 'zzzz', '<!channel>', 'berlin hybrid', 'extremely']) {
      for (const limit of [5, 10, 25]) checkMessage(answerMessage(find(q, { ...ctx, limit })));
    }
  });
  it('every intent', () => {
    for (const q of ['help', 'highest paying roles', 'roles over 100k', 'which roles list a salary?', 'which companies are hiring?', 'what roles are open?', 'how many remote roles?', 'compare senior vs staff', 'which roles need Python?', 'requirements for the staff search role', 'full requirements for the principal role', `what does the ${postings[0]!.company} role pay?`, '<!here> @channel <@U1> hi']) {
      checkMessage(answerMessage(ask(q, ctx)));
    }
  });
  it('Details modals for every role with long lists', () => {
    for (const p of postings.filter((_, i) => i % 10 === 0)) {
      const m = answerMessage(details(p.id, ctx)!, { buttons: false, maxBlocks: LIMITS.modalBlocks });
      check(m.blocks, LIMITS.modalBlocks);
    }
  });
  it('Details modals show every requirement, however many, within 100 blocks of 3,000 characters', () => {
    const long = postings.filter((p) => p.requirements.length >= 200);
    expect(long.length).toBeGreaterThan(0);
    for (const p of long.slice(0, 5)) {
      const m = answerMessage(details(p.id, ctx)!, { buttons: false, maxBlocks: LIMITS.modalBlocks });
      check(m.blocks, LIMITS.modalBlocks);
      const text = m.blocks.map((b: any) => b.text?.text ?? '').join('\n');
      expect(text.match(/^• Requirement \d+ /gm)?.length).toBe(p.requirements.filter((r) => r.startsWith('Requirement ')).length);
      expect(text).not.toMatch(/Some of this answer was cut|…and \d+ more/);
    }
  });
  it('App Home', () => {
    check(homeView(ctx, ['a.txt: broken <!channel>']).blocks, LIMITS.modalBlocks);
  });
  it('a digest of 300 new roles is split over messages, in order, each within limits', () => {
    const content = diff(postings.slice(0, 300), new Map());
    const messages = digestMessages(content, { slotLabel: 'Monday 23 November, 09:00 UTC', empty: false });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) checkMessage(m);
    const ids = messages.flatMap((m) => m.blocks.map((b: any) => b.accessory?.value).filter(Boolean));
    expect(ids).toEqual(content.added.map((p) => p.id));
    expect(messages.map((m) => m.text)).toEqual(messages.map((_, i) => expect.stringContaining(`part ${i + 1} of ${messages.length}`)));
  });
});
