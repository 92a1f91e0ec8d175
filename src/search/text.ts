// Tokens for the index and for queries: the same rules on both sides, so "C++", "Node.js" and "São Paulo" match.

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or our the their this to was we were will with you your us who what which when where how do does i me my can any all open role roles job jobs position positions opening openings posting postings show find list need needs needing want looking please there here than that these those about into over per using use uses require requires requiring skill skills stack language languages tech anything something hiring available currently now today please could would like get give tell let see know knows any some one ones'.split(' '),
);

const SPLIT = /[^\p{L}\p{N}+#.]+/u;
const EDGE_DOTS = /^\.+(?!net\b)|\.+$/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Splits text into terms, keeping the symbols that make a skill ("c++", "c#", ".net"). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(SPLIT)) {
    const t = raw.includes('.') ? raw.replace(EDGE_DOTS, '') : raw;
    if (t) out.push(t);
  }
  return out;
}

/** Lowercases and folds accents; drops words that carry no meaning in a search. */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  // Accent folding only for the terms that have accents; most are ASCII.
  const t = NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
  if (t.length < 2 && t !== 'c' && t !== 'r') return null;
  return STOPWORDS.has(t) ? null : t;
}

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term.toLowerCase());
}
