// A posting whose text has no section the parser knows is still found by any word of it.
import { describe, expect, it } from 'vitest';
import { parsePostings } from '../../src/postings/index.ts';
import { RoleIndex } from '../../src/search/index.ts';

// No headers, no bullets: one block of prose, as people paste from a chat or an email.
const PLAIN = `Harbour Pilot Dispatcher
Saltmarsh Ports
We keep tugboats and pilot launches moving around the estuary day and night. You would coordinate tide windows with ship agents,
log manifests in our berthing ledger, radio the launch crews and keep the quayside logbook current.
Anyone comfortable with VHF procedures and spreadsheets will settle in quickly; we train on the rest.`;

describe('a posting without sections', () => {
  const [p] = parsePostings(PLAIN, { file: 'dispatcher.txt' });
  const index = RoleIndex.from([p!]);

  it('keeps its prose', () => {
    expect(p!.description).toContain('berthing ledger');
  });

  it('is found by every word of its text', () => {
    const words = [...new Set(PLAIN.toLowerCase().match(/[a-z]{4,}/g)!)];
    const missed = words.filter((w) => index.search(w).total !== 1);
    expect(missed).toEqual([]);
  });

  it('is found by words deep in the text, together', () => {
    expect(index.search('quayside logbook').total).toBe(1);
    expect(index.search('tugboats estuary').hits[0]?.posting.id).toBe(p!.id);
  });
});
