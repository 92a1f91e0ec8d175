// Postings added from Slack, without Slack: checks, reading, saving with ids of their own, removal rights, and the
// store in a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Posting } from '../../src/postings/index.ts';
import { AddedPostings, MAX_INPUT } from '../../src/sources/added.ts';
import { openDatabase, type DB } from '../../src/store/db.ts';
import { SqliteAddedPostings } from '../../src/store/added-postings.ts';

const TEXT = `Junior QA Analyst
Brindle & Co
Manchester, UK (On-site)
£28,000 – £32,000 per annum
Requirements:
- 1+ years testing web apps
- Attention to detail`;

const dirs: string[] = [];
let db: DB | null = null;
afterEach(() => {
  db?.close();
  db = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(file?: string): { added: AddedPostings; published: Posting[][]; file: string } {
  const f = file ?? join((dirs[dirs.push(mkdtempSync(join(tmpdir(), 'openroles-added-unit-'))) - 1])!, 'db.sqlite');
  db = openDatabase(f);
  const published: Posting[][] = [];
  return { added: new AddedPostings(new SqliteAddedPostings(db), (p) => published.push(p), { admins: ['UADMIN'] }), published, file: f };
}

describe('AddedPostings', () => {
  it('checks input before reading it', () => {
    const { added } = setup();
    expect(added.check('')).toMatchObject({ ok: false, error: expect.stringMatching(/Paste the text/) });
    expect(added.check('x'.repeat(MAX_INPUT + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/at most 20,000/) });
    expect(added.check(' https://example.com/jobs/1 ')).toEqual({ ok: true, kind: 'link', url: 'https://example.com/jobs/1' });
    expect(added.check('see https://example.com/jobs/1')).toMatchObject({ ok: true, kind: 'text' });
    expect(added.check('javascript://alert(1)')).toMatchObject({ ok: false });
  });

  it('reads a posting and refuses chat', () => {
    const { added } = setup();
    const r = added.readText(TEXT);
    expect(r.ok && r.draft.postings[0]).toMatchObject({ title: 'Junior QA Analyst', company: 'Brindle & Co', locations: ['Manchester, UK'] });
    expect(added.readText('Senior moment: I forgot my badge again')).toMatchObject({ ok: false, error: expect.stringMatching(/does not look like a job posting/) });
  });

  it('saves with who and when, gives ids of its own, publishes, and survives reopening', () => {
    const s = setup();
    const r = s.added.readText(TEXT);
    if (!r.ok) throw new Error(r.error);
    const saved = s.added.save(r.draft, 'U1');
    expect(saved.record).toMatchObject({ n: 1, addedBy: 'U1', addedAt: expect.stringMatching(/^\d{4}-/) });
    expect(saved.record!.postings[0]).toMatchObject({ id: 'added-1', source: { file: 'slack/1', board: 'slack' } });
    expect(s.published.at(-1)!.map((p) => p.id)).toEqual(['added-1']);
    expect(s.added.save(r.draft, 'U2')).toMatchObject({ ok: false, error: expect.stringMatching(/already added \(number 1/) });
    db!.close();
    const again = setup(s.file);
    expect(again.added.load()).toBe(1);
    expect(again.published[0]![0]).toMatchObject({ id: 'added-1', title: 'Junior QA Analyst' });
  });

  it('only whoever added it, or an admin, removes it', () => {
    const { added, published } = setup();
    const r = added.readText(TEXT);
    if (!r.ok) throw new Error(r.error);
    added.save(r.draft, 'U1');
    expect(added.remove('1', 'U2')).toMatchObject({ ok: false, reason: 'not-allowed', record: { addedBy: 'U1' } });
    expect(added.remove('9', 'U1')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(added.remove('nonsense', 'U1')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(added.removableBy('U2')).toEqual([]);
    expect(added.removableBy('UADMIN')).toHaveLength(1);
    expect(added.remove('added-1', 'UADMIN')).toMatchObject({ ok: true });
    expect(published.at(-1)).toEqual([]);
  });
});

describe('bounded checks', () => {
  it('long inputs built to make patterns backtrack are answered at once', () => {
    const { added } = setup();
    expect(added.check('://'.repeat(6000))).toMatchObject({ ok: true, kind: 'text' });
    expect(added.check(`x${' '.repeat(19_000)}y`)).toMatchObject({ ok: true, kind: 'text' });
    expect(added.readText(`Engineer\n${'; | '.repeat(4000)}`).ok).toBe(false);
  });
});
