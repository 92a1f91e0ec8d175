// The long-text lists: exact, prefix and typo lookups, membership, saving, and roles that change or leave.
import { describe, expect, it } from 'vitest';
import { generatePostings } from '../../bench/corpus.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { TermIndex } from '../../src/search/terms.ts';

describe('TermIndex', () => {
  const t = new TermIndex();
  t.addText(0, 'Build ranking models; ranking again. The team owns Kubernetes.');
  t.addText(1, 'Rank candidates with gradient boosting');
  t.addText(3, 'Kubernetes and Kafka on call');

  it('files each role once per term, in ascending order, and leaves stopwords out', () => {
    expect([...t.lookup('ranking', { prefix: false, maxEdits: 0 })[0]!.roles]).toEqual([0]);
    expect([...t.lookup('kubernetes', { prefix: false, maxEdits: 0 })[0]!.roles]).toEqual([0, 3]);
    expect(t.lookup('the', { prefix: false, maxEdits: 0 })).toEqual([]);
  });
  it('finds longer words by prefix and near words by typo, weighing them below the word itself', () => {
    const byPrefix = t.lookup('rank', { prefix: true, maxEdits: 0 });
    expect(byPrefix.map((m) => m.term).sort()).toEqual(['rank', 'ranking']);
    expect(byPrefix.find((m) => m.term === 'rank')!.weight).toBe(1);
    expect(byPrefix.find((m) => m.term === 'ranking')!.weight).toBeLessThan(1);
    const typo = t.lookup('kuberentes', { prefix: false, maxEdits: 2 });
    expect(typo.map((m) => m.term)).toEqual(['kubernetes']);
    expect(t.closest('kafak', 2)).toContain('kafka');
  });
  it('answers membership and survives a save', () => {
    expect(t.has('kafka', 3)).toBe(true);
    expect(t.has('kafka', 0)).toBe(false);
    const back = TermIndex.fromJSON(JSON.parse(JSON.stringify(t.toJSON())));
    expect(back.size).toBe(t.size);
    expect([...back.lookup('kubernetes', { prefix: false, maxEdits: 0 })[0]!.roles]).toEqual([0, 3]);
  });
});

describe('long text in the role index', () => {
  const gen = generatePostings(300, 11);
  it('finds a role by a word of its requirements, and says the match was in the text', () => {
    const index = RoleIndex.from(gen);
    const p = { ...gen[5]!, requirements: ['Deep knowledge of zanzibar-style authorization'] };
    index.add(p);
    const r = index.search('zanzibar');
    expect(r.hits.map((h) => h.posting.id)).toEqual([p.id]);
    expect(r.hits[0]!.fields).toEqual(['text']);
    expect(r.hits[0]!.terms).toContain('zanzibar');
  });
  it('reads query words as the text was read: folded accents, any case, stopwords in phrases dropped, no typo needed', () => {
    const index = RoleIndex.from(gen);
    const p = { ...gen[7]!, id: 'de-1', requirements: ['Erfahrung mit Datenbanken und Gestaltungsqualität', 'Head of data platform experience'] };
    index.add(p);
    for (const q of ['Gestaltungsqualität', 'gestaltungsqualitat', 'ERFAHRUNG', 'datenbank']) {
      const r = index.search(q);
      expect(r.hits[0]?.posting.id, q).toBe('de-1');
      expect(r.notes, q).toEqual([]);
    }
    expect(index.search('"head of data"').hits.map((h) => h.posting.id)).toContain('de-1');
  });
  it('forgets the text of removed and replaced roles, also after many changes renumber the lists', () => {
    const index = RoleIndex.from(gen);
    const marked = gen.slice(0, 200).map((p) => ({ ...p, summary: `${p.summary} Works on quokka telemetry.` }));
    for (const p of marked) index.add(p);
    expect(index.search('quokka', { limit: 500 }).total).toBe(200);
    for (const p of marked.slice(0, 150)) index.remove(p.id);
    expect(index.search('quokka', { limit: 500 }).total).toBe(50);
    for (const p of gen.slice(0, 150)) index.add(p);
    expect(index.search('quokka', { limit: 500 }).total).toBe(50);
    expect(index.size).toBe(300);
    const saved = RoleIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(saved.search('quokka', { limit: 500 }).hits.map((h) => h.posting.id).sort()).toEqual(
      index.search('quokka', { limit: 500 }).hits.map((h) => h.posting.id).sort(),
    );
  });
  it('refuses an index saved in the old layout with a clear message', () => {
    expect(() => RoleIndex.fromJSON({ version: 1 } as never)).toThrow(/version 1 .*rebuild/);
  });
});
