// The long text of every role (summary, requirements, responsibilities, nice-to-haves) as compact posting lists.
// A role's long text holds most of its words; in MiniSearch each (word, role) pair is a Map entry of ~40 bytes and
// the largest part of the build. Here it is 4 bytes in a typed array, and the term dictionary is MiniSearch's own
// radix tree, so prefix and typo lookups work as they do for the other fields.
import SearchableMap from 'minisearch/SearchableMap';
import { indexOf } from './sorted.ts';
import { processTerm, tokenize } from './text.ts';

/** Role numbers in the order they were added: a growable Uint32Array. */
class OrdList {
  data = new Uint32Array(4);
  length = 0;

  push(ord: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = ord;
  }

  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }

  /** Gives back the spare room once a bulk build is done. */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length);
  }
}

export interface TermMatch {
  term: string;
  roles: Uint32Array;
  /** As MiniSearch weighs them: 1 for the word itself, less for a longer word it begins, less again for a typo. */
  weight: number;
}

export interface LookupOptions {
  prefix: boolean;
  /** Largest edit distance allowed, 0 for none. */
  maxEdits: number;
}

const PREFIX_WEIGHT = 0.375;
const WORD_MEMO = 200_000;
const FUZZY_WEIGHT = 0.45;

/** Each term with its role numbers as base64 of the little-endian Uint32 array: a fraction of the size of JSON numbers. */
export interface SavedTerms {
  terms: Array<[string, string]>;
}

export class TermIndex {
  /** The radix tree for prefix and typo lookups; the hash map for the many exact ones a build makes. */
  private map = new SearchableMap<OrdList>();
  private lists = new Map<string, OrdList>();

  /** Each word as split from text, with the list its term is filed in (null for a stopword): most words recur. */
  private byWord = new Map<string, OrdList | null>();

  /**
   * Files role `ord` under the terms of a text. Roles are added in ascending order, so each list stays sorted
   * and a term the role repeats is the list's last entry already.
   */
  addText(ord: number, text: string): void {
    for (const word of tokenize(text.toLowerCase())) {
      let list = this.byWord.get(word);
      if (list === undefined) {
        const term = processTerm(word);
        list = term === null ? null : this.listOf(term);
        // Bounded: real text has a long tail of one-off words (numbers, names, typos).
        if (this.byWord.size >= WORD_MEMO) this.byWord.clear();
        this.byWord.set(word, list);
      }
      if (list !== null && (list.length === 0 || list.data[list.length - 1] !== ord)) list.push(ord);
    }
  }

  private listOf(term: string): OrdList {
    let list = this.lists.get(term);
    if (!list) {
      list = new OrdList();
      this.lists.set(term, list);
      this.map.set(term, list);
    }
    return list;
  }

  trim(): void {
    for (const list of this.lists.values()) list.trim();
  }

  /** The indexed terms a word finds, each with its roles and weight. */
  lookup(word: string, opts: LookupOptions): TermMatch[] {
    const out: TermMatch[] = [];
    const seen = new Set<string>();
    const exact = this.lists.get(word);
    if (exact) out.push({ term: word, roles: exact.view(), weight: 1 });
    seen.add(word);
    if (opts.prefix) {
      for (const [term, list] of this.map.atPrefix(word)) {
        if (seen.has(term)) continue;
        seen.add(term);
        const distance = term.length - word.length;
        out.push({ term, roles: list.view(), weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance) });
      }
    }
    if (opts.maxEdits > 0) {
      for (const [term, [list, distance]] of this.map.fuzzyGet(word, opts.maxEdits)) {
        if (seen.has(term)) continue;
        seen.add(term);
        out.push({ term, roles: list.view(), weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) });
      }
    }
    return out;
  }

  /** Whether role `ord`'s long text has the term. */
  has(term: string, ord: number): boolean {
    const list = this.lists.get(term);
    return list !== undefined && indexOf(list.view(), ord) >= 0;
  }

  /** Indexed terms within `maxEdits` of a word, nearest first. */
  closest(word: string, maxEdits: number): string[] {
    return [...this.map.fuzzyGet(word, maxEdits)]
      .filter(([term]) => term !== word)
      .sort((a, b) => a[1][1] - b[1][1] || b[1][0].length - a[1][0].length)
      .map(([term]) => term);
  }

  /** How many terms are indexed. */
  get size(): number {
    return this.lists.size;
  }

  toJSON(): SavedTerms {
    const terms: Array<[string, string]> = [];
    for (const [term, list] of this.lists) {
      const v = list.view();
      terms.push([term, Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')]);
    }
    return { terms };
  }

  static fromJSON(saved: SavedTerms): TermIndex {
    const index = new TermIndex();
    for (const [term, b64] of saved.terms) {
      const bytes = Buffer.from(b64, 'base64');
      const list = new OrdList();
      // Copied out of the shared pool, which need not be 4-byte aligned.
      list.data = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      list.length = list.data.length;
      index.lists.set(term, list);
      index.map.set(term, list);
    }
    return index;
  }
}
