// The role index: MiniSearch over the fields that name a role, compact posting lists for its long text, and
// precomputed sets so filters never score the whole corpus.
import MiniSearch, { type Query } from 'minisearch';
import { fold, foldKey, upgradeStored, type Posting } from '../postings/index.ts';
import { FilterSets, type LeftOut } from './filters.ts';
import { describeFilters, parseQuery, type Filters, type ParsedQuery, type Vocabulary } from './query.ts';
import { synonymsOf } from './synonyms.ts';
import { collate, indexOf, topK } from './sorted.ts';
import { TermIndex, type SavedTerms } from './terms.ts';
import { processTerm, tokenize } from './text.ts';

export type { LeftOut };

interface Doc {
  id: string;
  title: string;
  company: string;
  team: string;
  skills: string;
  locations: string;
}

const FIELDS = ['title', 'company', 'team', 'skills', 'locations'] as const;
type Field = (typeof FIELDS)[number] | 'text';
/** A title, team or skill match outranks a passing mention in the long text. */
const BOOST = { title: 6, company: 3, team: 4, skills: 4, locations: 2 };
const TEXT_BOOST = 1;

const MS_OPTIONS = {
  idField: 'id',
  fields: [...FIELDS],
  storeFields: [] as string[],
  tokenize,
  processTerm,
  searchOptions: { boost: BOOST, tokenize, processTerm },
};

export interface Hit {
  posting: Posting;
  score: number;
  /** Indexed terms that matched, and the fields they matched in. */
  terms: string[];
  fields: string[];
  /** How many matched terms were found in the title, team or company: the role's name, not its text. */
  nameTerms: number;
}


export interface Suggestions {
  /** Indexed terms closest to the words that found nothing. */
  terms: string[];
  /** The same query with its most restrictive filter dropped, and how many that finds. */
  relaxed: { without: string; query: string; count: number } | null;
}

export interface SearchResult {
  query: ParsedQuery;
  hits: Hit[];
  total: number;
  /** How many of the total hold every free word (the rest meet the filters only); equals total without words. */
  matchedWords: number;
  leftOut: LeftOut[];
  suggestions: Suggestions | null;
  /** Notes on how the search was widened ("no role matched every word"). */
  notes: string[];
  /** Counts over every match, when asked for. */
  facets: Facets | null;
}

/** Counts over every role a query matches: who is hiring, in which work modes, how many state pay. */
export interface Facets {
  companies: Array<[string, number]>;
  workModes: Array<[string, number]>;
  withPay: number;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Postings whose validThrough is before this are closed and left out. */
  now?: Date;
  /**
   * "all": a role must hold every free word (typos allowed), falling back to any word: for naming a role and for
   * alerts. "rank": with filters, every role meeting them is found and the words only order them.
   */
  words?: 'all' | 'rank';
  /** Count matches by company and work mode. */
  facets?: boolean;
}

function toDoc(p: Posting): Doc {
  return {
    id: p.id,
    title: p.title ?? '',
    company: p.company ?? '',
    team: p.team ?? '',
    skills: p.skills.join(' '),
    locations: [...p.locations, ...p.remoteRegions].join(' '),
  };
}

/**
 * The long text of a role. Its terms find the role; how often each is repeated adds little, so it is not kept. The
 * description holds the prose no list does (all of the text when the parser found no section), so every word of a
 * posting finds it.
 */
const longText = (p: Posting): string[] => [p.summary, p.description ?? '', ...p.requirements, ...p.responsibilities, ...p.niceToHave, ...p.benefits];

/** Roles by id, a MiniSearch index and filter sets, kept in step by add/remove. */
export class RoleIndex {
  private ms = new MiniSearch<Doc>(MS_OPTIONS);
  private postings = new Map<string, Posting>();
  /** Each role has a number in the long-text lists; a changed role gets a new one and its old number is left dead. */
  private texts = new TermIndex();
  private ordOf = new Map<string, number>();
  private idAt: Array<string | undefined> = [];
  private dead = 0;
  private filters = new FilterSets(() => this.postings.keys());
  /** Each role's place in the stable order (company, title, id), by role number; rebuilt lazily after changes. */
  private rankCache: Int32Array | null = null;

  private rank(): Int32Array {
    if (!this.rankCache) {
      // Sorted on one folded key per role with plain comparisons: a collator over 100k roles takes a second.
      const keyed = [...this.postings.values()].map((p) => [stableKey(p), this.ordOf.get(p.id)!] as const);
      keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this.rankCache = new Int32Array(this.idAt.length);
      keyed.forEach(([, ord], i) => (this.rankCache![ord] = i));
    }
    return this.rankCache;
  }

  /** Builds an index over postings; later duplicates of an id replace earlier ones. */
  static from(postings: Iterable<Posting>): RoleIndex {
    const index = new RoleIndex();
    const docs: Doc[] = [];
    for (const p of postings) {
      if (index.postings.has(p.id)) index.remove(p.id);
      index.file(p);
    }
    for (const p of index.postings.values()) docs.push(toDoc(p));
    index.ms.addAll(docs);
    index.texts.trim();
    return index;
  }

  get size(): number {
    return this.postings.size;
  }

  get(id: string): Posting | undefined {
    return this.postings.get(id);
  }

  all(): Posting[] {
    return [...this.postings.values()];
  }

  /** Company names as written, for the query parser. */
  companies(): string[] {
    return this.filters.companies();
  }

  add(p: Posting): void {
    if (this.postings.has(p.id)) this.remove(p.id);
    this.file(p);
    this.ms.add(toDoc(p));
  }

  remove(id: string): void {
    const p = this.postings.get(id);
    if (!p) return;
    this.ms.discard(id);
    this.postings.delete(id);
    this.idAt[this.ordOf.get(id)!] = undefined;
    this.ordOf.delete(id);
    this.dead++;
    this.filters.remove(p);
    this.invalidate();
    // Dead numbers cost a skip in every long-text lookup; renumber once they outweigh the living.
    if (this.dead > 64 && this.dead > this.postings.size) this.renumber();
  }

  /** Rebuilds the long-text lists with the living roles numbered in order. */
  private renumber(): void {
    this.texts = new TermIndex();
    this.idAt = [];
    this.ordOf.clear();
    this.dead = 0;
    for (const p of this.postings.values()) this.number(p, true);
    this.texts.trim();
    this.invalidate();
  }

  private number(p: Posting, indexText: boolean): void {
    const ord = this.idAt.length;
    this.idAt.push(p.id);
    this.ordOf.set(p.id, ord);
    if (indexText) this.texts.addText(ord, longText(p).join('\n'));
  }

  private file(p: Posting, indexText = true): void {
    const id = p.id;
    this.postings.set(id, p);
    this.number(p, indexText);
    this.filters.file(p);
    this.invalidate();
  }

  /** Goes up with every change, so callers can keep what they derive from the roles until it moves. */
  get version(): number {
    return this.changes;
  }

  private changes = 0;

  /** Everything derived from the postings is rebuilt lazily after any change. */
  private invalidate(): void {
    this.changes++;
    this.rankCache = null;
    this.filters.changed();
    this.wordCache.clear();
    this.cachedEntries = 0;
    this.queryCache.clear();
  }

  /** The top of a role's pay per year in US dollars (fixed rates), or null. */
  payOf(id: string): number | null {
    return this.filters.payOf(id);
  }

  /** What the query parser needs of the corpus: company names, and which words are common in the postings. */
  vocabulary(): Vocabulary {
    return { companies: this.companies(), common: (w) => this.isCommon(w), known: (w) => this.isKnown(w) };
  }

  /** A word some role's text holds exactly. */
  private isKnown(word: string): boolean {
    const t = processTerm(word);
    return !!t && this.texts.lookup(t, { prefix: false, maxEdits: 0 }).some((m) => m.roles.length > 0);
  }

  /** A word in the long text of more than one role in fifty (and more than five roles). */
  private isCommon(word: string): boolean {
    const t = processTerm(word);
    if (!t) return true;
    const n = this.texts.lookup(t, { prefix: false, maxEdits: 0 }).reduce((a, m) => a + m.roles.length, 0);
    return n > Math.max(5, this.postings.size / 50);
  }

  /** Parses and runs a query. */
  search(text: string, opts: SearchOptions = {}): SearchResult {
    return this.run(parseQuery(text, this.vocabulary()), opts);
  }

  /**
   * The one entry point for a parsed request: hits for the page, the total, how many a filter left out because the
   * postings do not say, notes, suggestions when nothing matched, and counts when asked. Another engine would sit here.
   */
  run(q: ParsedQuery, opts: SearchOptions = {}): SearchResult {
    const limit = opts.limit ?? 10;
    const offset = opts.offset ?? 0;
    const page = this.ranked(q, opts, offset + limit);
    // Hits are built for the page only: a broad query can match most of the corpus.
    const hits: Hit[] = [];
    for (let i = offset; i < Math.min(offset + limit, page.ords.length); i++) hits.push(this.hit(page.ords[i]!, page.scores[i]!, page.perWord));
    const suggestions = page.total ? null : this.suggest(q, opts);
    return { query: q, hits, total: page.total, matchedWords: page.matchedWords, leftOut: page.leftOut, suggestions, notes: page.notes, facets: opts.facets ? page.facets : null };
  }

  /**
   * The ranked matches of a query, from a small cache of recent queries (cleared on any change) so that
   * "More" and repeated questions skip the work; the first PAGE_DEPTH places are kept, deeper pages recompute.
   */
  private ranked(q: ParsedQuery, opts: SearchOptions, depth: number): CachedQuery {
    const now = opts.now ?? new Date();
    const day = now.toISOString().slice(0, 13);
    const mode = opts.words ?? 'all';
    const key = JSON.stringify([q.words, q.excludedWords, q.filters, q.sort, mode, day]);
    const hit = this.queryCache.get(key);
    if (hit && (depth <= hit.ords.length || hit.ords.length === hit.total) && (!opts.facets || hit.facets)) return hit;
    const notes: string[] = [];
    const perWord: WordResult[] = [];
    const keep = Math.max(depth, PAGE_DEPTH);
    const leftOut = this.filters.leftOut(q.filters, now.getTime());
    let open = this.openFilter(now);
    // Ordered by pay, a role without pay has no place: it is left out, and counted as such.
    if (q.sort === 'pay-desc' || q.sort === 'pay-asc') {
      const dated = open;
      let unpaid = 0;
      open = (p) => dated(p) && (this.payOf(p.id) !== null || (unpaid++, false));
      const m = this.match(q, this.candidatesFor(q.filters, now), open, notes, perWord, mode);
      if (unpaid) leftOut.push({ field: 'pay', count: unpaid });
      return this.keep(key, m, keep, leftOut, notes, perWord, Boolean(opts.facets));
    }
    const m = this.match(q, this.candidatesFor(q.filters, now), open, notes, perWord, mode);
    return this.keep(key, m, keep, leftOut, notes, perWord, Boolean(opts.facets));
  }

  private keep(key: string, m: Matched, keep: number, leftOut: LeftOut[], notes: string[], perWord: WordResult[], wantFacets: boolean): CachedQuery {
    const { found, order } = m;
    // Counted before the sort below drops all but the kept places.
    const facets = wantFacets ? this.facetsOf(found) : null;
    // Only the kept places are sorted: a broad query can match most of the corpus.
    const top = topK(found, keep, order);
    // Kept as two typed arrays, not an object per role: cached entries then cost the garbage collector little.
    const ords = Uint32Array.from(top, (r) => r.ord);
    const scores = Float64Array.from(top, (r) => r.score);
    const entry: CachedQuery = { ords, scores, total: found.length, matchedWords: m.matchedWords, leftOut, notes, perWord, facets };
    if (this.queryCache.size >= QUERY_CACHE) this.queryCache.delete(this.queryCache.keys().next().value as string);
    this.queryCache.set(key, entry);
    return entry;
  }

  private queryCache = new Map<string, CachedQuery>();

  /** Why a role matched, worked out for the shown page only: each word's fields there, and the terms it found. */
  private hit(ord: number, score: number, perWord: WordResult[]): Hit {
    const posting = this.postings.get(this.idAt[ord]!)!;
    if (!perWord.length) return { posting, score: 0, terms: [], fields: [], nameTerms: 0 };
    let names: string[] | null = null;
    const terms = new Set<string>();
    let mask = 0;
    let nameTerms = 0;
    for (const w of perWord) {
      const i = indexOf(w.ords, ord);
      if (i < 0) continue;
      const m = w.fields[i]!;
      mask |= m;
      if (m & NAME_BITS) nameTerms++;
      for (const t of w.terms) {
        if (m & TEXT_BIT && this.texts.has(t, ord)) terms.add(t);
        else if (m & ~TEXT_BIT && (names ??= termsOf(toDoc(posting))).includes(t)) terms.add(t);
      }
    }
    const fields = ALL_FIELDS.filter((_, i) => mask & (1 << i));
    return { posting, score, terms: [...terms], fields, nameTerms };
  }

  /**
   * Ids passing every filter. Two filters also take roles by their text, where the parsed field can miss: a company
   * filter takes roles whose posting states no company but whose text names it (a company line the parser could not
   * place), and a skill of several words ("React Native") takes roles whose text holds all its words.
   */
  private candidatesFor(f: Filters, now: Date): Set<string> | null {
    let out = this.filters.candidates(f, undefined, now.getTime());
    const widen = (key: 'companies' | 'skills', names: string[], among: Set<string> | null): void => {
      const mentioned = new Set<string>();
      for (const name of names) for (const id of this.mentioning(name, among)) mentioned.add(id);
      if (!mentioned.size) return;
      const rest = this.filters.candidates(f, key, now.getTime());
      const wider = new Set(out ?? []);
      for (const id of mentioned) if (rest === null || rest.has(id)) wider.add(id);
      out = wider;
    };
    if (f.companies.length) widen('companies', f.companies, this.filters.withoutCompany());
    // With several skills each is one set; only a single several-word skill is widened, so "and" keeps its meaning.
    if (f.skills.length === 1 && f.skills[0]!.includes(' ')) widen('skills', f.skills, null);
    return out;
  }

  /**
   * Roles (among `among`, or all) whose text holds every word of a name. Nothing when the name has a word too short
   * to look up ("G-Research") or only common words ("Connection"): those would match far more than the name.
   */
  private mentioning(name: string, among: Set<string> | null): Set<string> {
    const words = foldKey(name).split(' ').filter((w) => w && !COMPANY_FORMS.has(w));
    if (!words.length || words.some((w) => w.length < 3) || words.every((w) => this.isCommon(w))) return new Set();
    let ids: Set<string> | null = null;
    for (const w of words) {
      const found = new Set<string>();
      for (const ord of this.wordResults(w, 'mention').ords) {
        const id = this.idAt[ord];
        if (id !== undefined && (among === null || among.has(id)) && (ids === null || ids.has(id))) found.add(id);
      }
      ids = found;
    }
    return ids ?? new Set();
  }

  /** Counts by company and work mode over every match. */
  private facetsOf(found: Ranked[]): Facets {
    const companies = new Map<string, number>();
    const modes = new Map<string, number>();
    let withPay = 0;
    for (const r of found) {
      const p = this.postings.get(this.idAt[r.ord]!)!;
      const c = p.company ?? 'Company not stated';
      companies.set(c, (companies.get(c) ?? 0) + 1);
      const m = p.workMode ?? 'not stated';
      modes.set(m, (modes.get(m) ?? 0) + 1);
      if (this.payOf(p.id) !== null) withPay++;
    }
    const sorted = (m: Map<string, number>): Array<[string, number]> => [...m].sort((a, b) => b[1] - a[1] || collate(a[0], b[0]));
    return { companies: sorted(companies), workModes: sorted(modes), withPay };
  }

  /** How many roles are open now. */
  openCount(now?: Date): number {
    return this.count(parseQuery('', { companies: [] }), now);
  }

  /** Counts matches without building the page. */
  count(q: ParsedQuery, now?: Date): number {
    return this.match(q, this.candidatesFor(q.filters, now ?? new Date()), this.openFilter(now), []).found.length;
  }

  private openFilter(now = new Date()): (p: Posting) => boolean {
    const today = now.toISOString();
    return (p) => !p.validThrough || p.validThrough >= today.slice(0, p.validThrough.length);
  }

  /** Matching ids, unsorted, and their order: best first (or by pay or date when asked), equal scores in the stable order. */
  private match(q: ParsedQuery, candidates: Set<string> | null, open: (p: Posting) => boolean, notes: string[], used: WordResult[] = [], mode: 'all' | 'rank' = 'all'): Matched {
    const excluded = q.excludedWords.length ? this.idsMentioning(q.excludedWords) : null;
    const ok = (id: string): boolean => (candidates === null || candidates.has(id)) && !excluded?.has(id) && open(this.postings.get(id)!);
    const rank = this.rank();
    const bySort = this.sortOrder(q.sort);
    if (!q.words.length) {
      const out: Ranked[] = [];
      const title = this.titleBonus(q.filters);
      for (const id of candidates ?? this.postings.keys()) {
        if (!ok(id)) continue;
        const ord = this.ordOf.get(id)!;
        out.push({ ord, score: title ? title(this.postings.get(id)!) : 0 });
      }
      return { found: out, order: (a, b) => bySort(a, b) || b.score - a.score || rank[a.ord]! - rank[b.ord]!, matchedWords: out.length };
    }
    if (mode === 'rank' && candidates !== null) return this.rankWithin(q, candidates, ok, notes, used, bySort);
    // Plan: exact and prefix first; typo tolerance only when that finds nothing, since fuzzy matching is the costly part.
    const exact = q.words.map((w) => this.wordResults(w, 'prefix'));
    let perWord = exact;
    let found = this.combine(perWord, 'AND', ok);
    if (!found.length) {
      perWord = q.words.map((w) => this.wordResults(w, 'typos'));
      found = this.combine(perWord, 'AND', ok);
      if (found.length) notes.push('allowed for typos');
    }
    // Some of the words, as written: typo matches of a few words of a long question find mostly noise.
    if (!found.length && q.words.length > 1) {
      perWord = exact;
      found = this.combine(perWord, 'OR', ok);
      if (found.length) notes.push('no role matched every word; these match some of them');
    }
    used.push(...perWord);
    return { found, order: (a, b) => bySort(a, b) || b.score - a.score || rank[a.ord]! - rank[b.ord]!, matchedWords: found.length };
  }

  /**
   * With filters, the words rank and never veto: every role meeting the filters is found, those holding every word
   * first, then those holding some; typo matches count only when no word was found as written.
   */
  private rankWithin(q: ParsedQuery, candidates: Set<string>, ok: (id: string) => boolean, notes: string[], used: WordResult[], bySort: (a: Ranked, b: Ranked) => number): Matched {
    const rank = this.rank();
    let perWord = q.words.map((w) => this.wordResults(w, 'prefix'));
    const score = (lists: WordResult[]): { scores: Map<number, number>; hits: Map<number, number> } => {
      const scores = new Map<number, number>();
      const hits = new Map<number, number>();
      for (const w of lists) {
        for (let i = 0; i < w.ords.length; i++) {
          const ord = w.ords[i]!;
          const id = this.idAt[ord];
          if (id === undefined || !candidates.has(id)) continue;
          scores.set(ord, (scores.get(ord) ?? 0) + w.scores[i]!);
          hits.set(ord, (hits.get(ord) ?? 0) + 1);
        }
      }
      return { scores, hits };
    };
    let s = score(perWord);
    if (!s.hits.size) {
      perWord = q.words.map((w) => this.wordResults(w, 'typos'));
      s = score(perWord);
      if (s.hits.size) notes.push('allowed for typos');
    }
    const all = q.words.length;
    const out: Ranked[] = [];
    let matchedWords = 0;
    for (const id of candidates) {
      if (!ok(id)) continue;
      const ord = this.ordOf.get(id)!;
      const h = s.hits.get(ord) ?? 0;
      if (h === all) matchedWords++;
      // Every word held outranks any score from fewer words.
      out.push({ ord, score: h * 1e6 + (s.scores.get(ord) ?? 0) });
    }
    if (!matchedWords && out.length) notes.push(`no role that meets the rest also mentions “${q.words.join(' ')}”, so those words only order them`);
    used.push(...perWord);
    return { found: out, order: (a, b) => bySort(a, b) || b.score - a.score || rank[a.ord]! - rank[b.ord]!, matchedWords };
  }

  /**
   * With only filters to go on, roles whose title says what was asked come first: "java" puts "Java Developer"
   * before a role that lists Java among twenty skills, "senior" a titled senior before one placed by its years.
   */
  private titleBonus(f: Filters): ((p: Posting) => number) | null {
    if (!f.skills.length && !f.seniorities.length) return null;
    const skills = f.skills.map((s) => new RegExp(`(?:^|[^\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}])`, 'iu'));
    return (p) => (skills.some((re) => re.test(p.title ?? '')) ? 2 : 0) + (p.seniority && f.seniorities.includes(p.seniority) ? 1 : 0);
  }

  /** The order a query asks for: by pay (highest or lowest first), newest first, or none (0 for every pair). */
  private sortOrder(sort: ParsedQuery['sort']): (a: Ranked, b: Ranked) => number {
    const pay = (r: Ranked): number => this.payOf(this.idAt[r.ord]!) ?? 0;
    const date = (r: Ranked): number => this.filters.postedAt(this.idAt[r.ord]!) ?? 0;
    if (sort === 'pay-desc') return (a, b) => pay(b) - pay(a);
    if (sort === 'pay-asc') return (a, b) => pay(a) - pay(b);
    if (sort === 'newest') return (a, b) => date(b) - date(a);
    return () => 0;
  }

  /** Combines per-word results: AND keeps roles every word found, OR any; scores add up, as in MiniSearch. */
  private combine(perWord: WordResult[], mode: 'AND' | 'OR', ok: (id: string) => boolean): Ranked[] {
    const out: Ranked[] = [];
    if (mode === 'AND') {
      // Every list is sorted by role number: walk the shortest and step through the others alongside it.
      const [first, ...rest] = [...perWord].sort((a, b) => a.ords.length - b.ords.length);
      const at = rest.map(() => 0);
      next: for (let i = 0; i < first!.ords.length; i++) {
        const ord = first!.ords[i]!;
        let score = first!.scores[i]!;
        for (let j = 0; j < rest.length; j++) {
          const other = rest[j]!.ords;
          let k = at[j]!;
          while (k < other.length && other[k]! < ord) k++;
          at[j] = k;
          if (k === other.length) break next;
          if (other[k] !== ord) continue next;
          score += rest[j]!.scores[k]!;
        }
        if (ok(this.idAt[ord]!)) out.push({ ord, score });
      }
      return out;
    }
    // Some of the words: at least half of them, so one common word of a long question does not match everything.
    const merged = new Map<number, number>();
    const held = new Map<number, number>();
    for (const w of perWord) {
      for (let i = 0; i < w.ords.length; i++) {
        merged.set(w.ords[i]!, (merged.get(w.ords[i]!) ?? 0) + w.scores[i]!);
        held.set(w.ords[i]!, (held.get(w.ords[i]!) ?? 0) + 1);
      }
    }
    const need = Math.ceil(perWord.length / 2);
    for (const [ord, score] of merged) if (held.get(ord)! >= need && ok(this.idAt[ord]!)) out.push({ ord, score });
    return out;
  }

  private wordCache = new Map<string, WordResult>();
  private cachedEntries = 0;

  /**
   * The roles one word finds, from a small cache (cleared on any change) so that filters and other words reuse it.
   * "prefix": the word, its synonyms and longer words it begins; "typos": also words a typo or two away;
   * "mention": the word as typed or words it begins, for "-word".
   */
  private wordResults(word: string, kind: 'prefix' | 'typos' | 'mention'): WordResult {
    const key = `${kind}:${word}`;
    const hit = this.wordCache.get(key);
    if (hit) {
      this.wordCache.delete(key);
      this.wordCache.set(key, hit);
      return hit;
    }
    const result = this.lookup(word, kind);
    this.wordCache.set(key, result);
    this.cachedEntries += result.ords.length;
    // Bounded by entries as well as words: at 100k roles one common word finds tens of thousands.
    while (this.wordCache.size > WORD_CACHE || (this.cachedEntries > CACHE_ENTRIES && this.wordCache.size > 1)) {
      const oldest = this.wordCache.keys().next().value as string;
      this.cachedEntries -= this.wordCache.get(oldest)!.ords.length;
      this.wordCache.delete(oldest);
    }
    return result;
  }

  private lookup(word: string, kind: 'prefix' | 'typos' | 'mention'): WordResult {
    const acc = new Float64Array(this.idAt.length);
    const masks = new Uint8Array(this.idAt.length);
    const touched: number[] = [];
    const terms = new Set<string>();
    const add = (ord: number, score: number, mask: number): void => {
      if (acc[ord] === 0) touched.push(ord);
      acc[ord] = acc[ord]! + score;
      masks[ord] = masks[ord]! | mask;
    };
    const idAt = this.idAt;
    const prefixFrom = kind === 'mention' ? 4 : 3;
    const typos = kind === 'typos';
    // The fields that name a role, scored by MiniSearch with their boosts.
    const results = this.ms.search(kind === 'mention' ? word : wordQuery(word), {
      prefix: (t) => t.length >= prefixFrom,
      fuzzy: typos ? (t) => (t.length >= 4 ? 0.25 : false) : false,
      maxFuzzy: 2,
    });
    for (const r of results) {
      let mask = 0;
      for (const t in r.match) {
        terms.add(t);
        for (const f of r.match[t]!) mask |= FIELD_BIT[f as Field];
      }
      add(this.ordOf.get(r.id as string)!, r.score, mask);
    }
    // The long text: each variant of the word, a phrase needing all of its words.
    const variants = word.includes(' ') || kind === 'mention' ? [word] : [word, ...synonymsOf(word), ...stemOf(word)];
    for (const variant of variants) {
      // Processed as the text was: folded accents, stopwords dropped ("head of data" needs "head" and "data").
      const parts = tokenize(variant).map(processTerm).filter((t): t is string => t !== null);
      if (!parts.length) continue;
      if (parts.length === 1) {
        // The hot loop of a new word: written out rather than through a callback.
        for (const { roles, score } of this.textMatches(parts[0]!, prefixFrom, typos, terms)) {
          for (let i = 0; i < roles.length; i++) {
            const ord = roles[i]!;
            if (idAt[ord] === undefined) continue;
            if (acc[ord] === 0) touched.push(ord);
            acc[ord] = acc[ord]! + score;
            masks[ord] = masks[ord]! | TEXT_BIT;
          }
        }
        continue;
      }
      const perPart = parts.map((part) => {
        const m = new Map<number, number>();
        for (const { roles, score } of this.textMatches(part, prefixFrom, false, terms)) {
          for (const ord of roles) if (idAt[ord] !== undefined) m.set(ord, (m.get(ord) ?? 0) + score);
        }
        return m;
      });
      const [first, ...rest] = perPart.sort((a, b) => a.size - b.size);
      for (const [ord, s] of first!) {
        let score = s;
        if (rest.every((m) => m.has(ord))) {
          for (const m of rest) score += m.get(ord)!;
          add(ord, score, TEXT_BIT);
        }
      }
    }
    // Many matches: reading the dense arrays in order is cheaper than sorting the touched numbers.
    let ords: Uint32Array;
    if (touched.length * 8 > acc.length) {
      ords = new Uint32Array(touched.length);
      let j = 0;
      for (let ord = 0; ord < acc.length; ord++) if (acc[ord] !== 0) ords[j++] = ord;
    } else ords = Uint32Array.from(touched).sort();
    const scores = new Float64Array(ords.length);
    const fields = new Uint8Array(ords.length);
    for (let i = 0; i < ords.length; i++) {
      scores[i] = acc[ords[i]!]!;
      fields[i] = masks[ords[i]!]!;
    }
    return { ords, scores, fields, terms: [...terms] };
  }

  /**
   * The long-text terms a word finds (itself, or by prefix or typo one like it), each with its roles and the score a
   * role gets from it: BM25 with tf = 1. Terms whose roles have all left are not reported as matched.
   */
  private textMatches(term: string, prefixFrom: number, typos: boolean, terms: Set<string>): Array<{ roles: Uint32Array; score: number }> {
    const live = this.postings.size;
    const maxEdits = typos && term.length >= 4 ? Math.min(2, Math.round(term.length * 0.25)) : 0;
    return this.texts.lookup(term, { prefix: term.length >= prefixFrom, maxEdits }).map((m) => {
      const idf = Math.max(0.05, Math.log(1 + (live - m.roles.length + 0.5) / (m.roles.length + 0.5)));
      if (m.roles.some((ord) => this.idAt[ord] !== undefined)) terms.add(m.term);
      return { roles: m.roles, score: TEXT_BOOST * TEXT_TF_SCORE * m.weight * idf };
    });
  }

  /** Ids of roles that mention any of the words (for "-word"). */
  private idsMentioning(words: string[]): Set<string> {
    const out = new Set<string>();
    for (const w of words) for (const ord of this.wordResults(w, 'mention').ords) out.add(this.idAt[ord]!);
    return out;
  }

  private suggest(q: ParsedQuery, opts: SearchOptions): Suggestions {
    const terms = new Set<string>();
    // Closest terms only for words that find nothing on their own; otherwise the words are fine and a filter is the cause.
    for (const w of q.words) {
      if (this.wordResults(w, 'typos').ords.length) continue;
      const named = this.ms.autoSuggest(w, { fuzzy: 0.34, prefix: true, boost: BOOST }).slice(0, 3).map((s) => s.suggestion);
      const inText = this.texts.closest(w, Math.max(1, Math.round(w.length * 0.34))).slice(0, 3);
      for (const s of [...named, ...inText]) if (s !== w) terms.add(s);
    }
    let relaxed: Suggestions['relaxed'] = null;
    const described = describeFilters(q.filters);
    const drops: Array<[string, ParsedQuery]> = [];
    const f = q.filters;
    const without = (patch: Partial<Filters>): ParsedQuery => ({ ...q, filters: { ...f, ...patch } });
    if (f.workModes.length) drops.push([f.workModes.join(' or '), without({ workModes: [] })]);
    if (f.seniorities.length) drops.push([f.seniorities.join(' or '), without({ seniorities: [] })]);
    if (f.companies.length) drops.push([`at ${f.companies.join(' or ')}`, without({ companies: [] })]);
    if (f.places.length) drops.push([`in ${f.places.join(' or ')}`, without({ places: [] })]);
    if (f.skills.length) drops.push([`using ${f.skills.join(' and ')}`, without({ skills: [] })]);
    if (f.payFloor) drops.push(['the pay floor', without({ payFloor: null })]);
    if (q.words.length && described.length) drops.push([`the words “${q.words.join(' ')}”`, { ...q, words: [] }]);
    for (const [label, alt] of drops) {
      const count = this.count(alt, opts.now);
      if (count && (!relaxed || count > relaxed.count)) {
        relaxed = { without: label, query: [...alt.words, ...describeFilters(alt.filters)].join(' '), count };
      }
    }
    return { terms: [...terms].slice(0, 5), relaxed };
  }

  /** Serialises the index and postings, so start-up can skip re-indexing. */
  toJSON(): SavedIndex {
    // Saved roles are numbered in the order they are listed, so dead numbers are dropped first.
    if (this.dead) this.renumber();
    return { version: 2, postings: this.all(), index: this.ms.toJSON(), texts: this.texts.toJSON() };
  }

  /** Restores an index saved with toJSON. */
  static fromJSON(saved: SavedIndex): RoleIndex {
    if (saved.version !== 2) throw new Error(`saved index version ${String(saved.version)} is not supported; rebuild it`);
    const index = new RoleIndex();
    // Postings saved before problems had codes hold sentences; they are read as their codes.
    for (const p of saved.postings) index.file(upgradeStored(p), false);
    index.ms = MiniSearch.loadJS(saved.index as Parameters<typeof MiniSearch.loadJS>[0], MS_OPTIONS);
    index.texts = TermIndex.fromJSON(saved.texts);
    return index;
  }
}

/** One query word as MiniSearch sees it: the word or any of its synonyms (a phrase synonym needs all its words). */
function wordQuery(word: string): Query {
  const variants = [word, ...synonymsOf(word), ...stemOf(word)];
  const queries: Query[] = variants.map((v) => (v.includes(' ') ? { combineWith: 'AND', queries: v.split(' ') } : v));
  // A quoted phrase typed by the user: all of its words.
  if (word.includes(' ')) return { combineWith: 'AND', queries: word.split(' ') };
  return queries.length === 1 ? queries[0]! : { combineWith: 'OR', queries };
}

/**
 * A long word without its ending, searched as a prefix: "housekeeper" finds "housekeeping", "Informatiker"
 * "Informatik", "Pflegefachpersonen" "Pflegefachperson". Only for words of eight letters or more, where the stem
 * still says what the word does.
 */
function stemOf(word: string): string[] {
  if (word.length < 8 || word.includes(' ')) return [];
  const m = /^(.{6,}?)(?:ings|ing|ers|er|en|es|s|e|n)$/.exec(word);
  return m ? [m[1]!] : [];
}

export interface SavedIndex {
  version: 2;
  postings: Posting[];
  index: unknown;
  texts: SavedTerms;
}

/** One word's matches: role numbers in ascending order, with their scores and fields, and the indexed terms that matched. */
interface WordResult {
  ords: Uint32Array;
  scores: Float64Array;
  /** Bits of ALL_FIELDS. */
  fields: Uint8Array;
  terms: string[];
}

const ALL_FIELDS: Field[] = [...FIELDS, 'text'];
const FIELD_BIT = Object.fromEntries(ALL_FIELDS.map((f, i) => [f, 1 << i])) as Record<Field, number>;
const TEXT_BIT = FIELD_BIT.text;
/** The fields that name the role rather than describe it. */
const NAME_BITS = FIELD_BIT.title | FIELD_BIT.team | FIELD_BIT.company;

/** The indexed terms of a role's naming fields. */
function termsOf(doc: Doc): string[] {
  const out: string[] = [];
  for (const f of FIELDS) for (const tok of tokenize(doc[f])) {
    const t = processTerm(tok);
    if (t) out.push(t);
  }
  return out;
}

interface CachedQuery {
  /** The first places: role numbers and scores. */
  ords: Uint32Array;
  scores: Float64Array;
  total: number;
  matchedWords: number;
  leftOut: LeftOut[];
  notes: string[];
  /** Each query word's matches, to tell why a role matched. */
  perWord: WordResult[];
  /** Counts over every match, when they were asked for. */
  facets: Facets | null;
}

/** Legal forms left out when a company's name is looked for in a posting's text. */
const COMPANY_FORMS = new Set(['inc', 'llc', 'ltd', 'corp', 'co', 'gmbh', 'ag', 'sa', 'plc', 'the', 'and', 'of']);

const QUERY_CACHE = 500;
const PAGE_DEPTH = 100;

interface Matched {
  found: Ranked[];
  order: (a: Ranked, b: Ranked) => number;
  matchedWords: number;
}

interface Ranked {
  /** The role's number. */
  ord: number;
  score: number;
}

/** BM25's term part for a word seen once in a field of average length (k = 1.2, b = 0.7, d = 0.5, as MiniSearch). */
const TEXT_TF_SCORE = 1.5;

const WORD_CACHE = 256;
const CACHE_ENTRIES = 300_000;

/** Company, then title, then id, case and accents folded: the order of roles that score the same. */
function stableKey(p: Posting): string {
  return `${fold(p.company ?? '')}\u0000${fold(p.title ?? '')}\u0000${p.id}`;
}
