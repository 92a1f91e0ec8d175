// Word lists as pattern sources: escaped, longest first, so "US$" is tried before "$" and "per annum" before "per".

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of the words, escaped and longest first (no group around it). */
export function wordsSource(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}

/**
 * The same words as one group shaped as a tree ("bas(?:ed in|é à)" for "based in|basé à"): the engine tests a shared
 * start once rather than once per word, which makes a scan of a long text for many words much cheaper. Like
 * wordsSource it tries the longer of two words that both match. Words are split by exact character, so a list for a
 * case-insensitive pattern is given in one case (two branches must never match the same character).
 */
export function trieSource(words: readonly string[]): string {
  const root: Trie = new Map();
  for (const w of new Set(words)) {
    let node = root;
    for (const ch of Array.from(w)) {
      let next = node.get(ch);
      if (!next) node.set(ch, (next = new Map()));
      node = next;
    }
    node.set(WORD_END, null);
  }
  return `(?:${trieBranches(root)})`;
}

type Trie = Map<string, Trie | null>;
const WORD_END = '';

function trieBranches(node: Trie): string {
  const branches: string[] = [];
  let ends = false;
  for (const [ch, next] of node) {
    if (next) branches.push(escapeRe(ch) + trieGroup(next));
    else ends = true;
  }
  // A word ending here is tried last, after every longer word through this point.
  if (ends) branches.push('');
  return branches.join('|');
}

function trieGroup(node: Trie): string {
  const inner = trieBranches(node);
  return node.size === 1 && !node.has(WORD_END) ? inner : node.size === 1 ? '' : `(?:${inner})`;
}

/**
 * Pattern alternatives grouped by their first letter ("c(?:ontract|dd)|f(?:reelance|ull[- ]time)"): at each place the
 * engine tests a dozen letters, not every alternative, which makes a scan of a long text much cheaper. Alternatives
 * with different first letters cannot match at the same place, and a group keeps the list's order. For a
 * case-insensitive pattern; each alternative must start with a plain letter.
 */
export function byFirstLetter(alternatives: readonly string[]): string {
  const buckets = new Map<string, string[]>();
  for (const a of alternatives) {
    const key = a[0]!.toLowerCase();
    if (!/^\p{Ll}$/u.test(key)) throw new Error(`pattern: alternative without a plain first letter: ${a}`);
    buckets.set(key, [...(buckets.get(key) ?? []), a.slice(1)]);
  }
  return [...buckets].map(([head, rests]) => `${head}(?:${rests.join('|')})`).join('|');
}

/** The top-level alternatives of a pattern source. */
export function splitTop(src: string): string[] {
  const d = depths(src);
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '|' && d[i] === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/** The group depth after each character of a pattern source; -1 for escapes and character classes, which nest nothing. */
export function depths(src: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      out.push(-1, -1);
      i++;
    } else if (inClass || c === '[') {
      inClass = c !== ']';
      out.push(-1);
    } else {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      out.push(depth);
    }
  }
  return out;
}
