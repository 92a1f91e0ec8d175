// Tokens for the index and for queries: the same rules on both sides, so "C++", "Node.js" and "São Paulo" match.

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or our the their this to was we were will with you your us who what which when where how do does i me my can any all open role roles job jobs position positions opening openings posting postings show find list need needs needing want looking please there here than that these those about into over per using use uses require requires requiring skill skills stack language languages tech anything something hiring available currently now today please could would like get give tell let see know knows any some one ones'.split(' '),
);

/** Splits text into terms, keeping the symbols that make a skill ("c++", "c#", ".net"). */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}+#.]+/u).map((t) => t.replace(/^\.+(?!net\b)|\.+$/g, '')).filter(Boolean);
}

/** Lowercases and folds accents; drops words that carry no meaning in a search. */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  // Accent folding only for the terms that have accents; most are ASCII.
  const t = /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
  if (t.length < 2 && !/^[cr]$/.test(t)) return null;
  return STOPWORDS.has(t) ? null : t;
}

/** The distinct meaningful terms of texts: enough to find a posting by its long fields without indexing every repeat. */
export function distinctTerms(texts: Iterable<string>, into = new Set<string>()): Set<string> {
  for (const text of texts) {
    for (const tok of tokenize(text)) {
      const t = processTerm(tok);
      if (t) into.add(t);
    }
  }
  return into;
}

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term.toLowerCase());
}
