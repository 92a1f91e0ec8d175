// The role index: MiniSearch over the fields that matter, plus precomputed sets so filters never score the whole corpus.
import MiniSearch, { type Query, type SearchResult as MsResult } from 'minisearch';
import { annualTopUSD, convert, placeAreas, type Posting, type WorkMode } from '../postings/index.ts';
import { describeFilters, parseQuery, type Filters, type ParsedQuery } from './query.ts';
import { synonymsOf } from './synonyms.ts';
import { distinctTerms, processTerm, tokenize } from './text.ts';

interface Doc {
  id: string;
  title: string;
  company: string;
  team: string;
  skills: string;
  locations: string;
  text: string;
}

const FIELDS = ['title', 'company', 'team', 'skills', 'locations', 'text'] as const;
/** A title, team or skill match outranks a passing mention in the long text. */
const BOOST = { title: 6, company: 3, team: 4, skills: 4, locations: 2, text: 1 };

const MS_OPTIONS = {
  idField: 'id',
  fields: [...FIELDS],
  storeFields: [] as string[],
  // The long text field arrives as distinct processed terms already: split it, don't process it twice.
  tokenize: (text: string, field?: string): string[] => (field === 'text' ? text.split(' ') : tokenize(text)),
  processTerm: (term: string, field?: string): string | null => (field === 'text' ? term || null : processTerm(term)),
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

export interface LeftOut {
  /** e.g. "work mode", "pay", "location", "seniority". */
  field: string;
  count: number;
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
  leftOut: LeftOut[];
  suggestions: Suggestions | null;
  /** Notes on how the search was widened ("no role matched every word"). */
  notes: string[];
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Postings whose validThrough is before this are closed and left out. */
  now?: Date;
}

const norm = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9+#]+/g, ' ').trim();

function toDoc(p: Posting): Doc {
  return {
    id: p.id,
    title: p.title ?? '',
    company: p.company ?? '',
    team: p.team ?? '',
    skills: p.skills.join(' '),
    locations: [...p.locations, ...p.remoteRegions].join(' '),
    // Long text is indexed as its distinct terms, in one field: the words still find the role at a fraction of the cost.
    text: distinctTerms([p.summary, ...p.requirements, ...p.responsibilities, ...p.niceToHave].join(' ')),
  };
}

function addTo<K>(map: Map<K, Set<string>>, key: K, id: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(id);
}
function removeFrom<K>(map: Map<K, Set<string>>, key: K, id: string): void {
  const s = map.get(key);
  if (!s) return;
  s.delete(id);
  if (!s.size) map.delete(key);
}

/** Keys under which a posting is filed in each precomputed set. */
function keysOf(p: Posting) {
  const areas = new Set<string>();
  for (const l of [...p.locations, ...p.remoteRegions]) for (const a of placeAreas(l)) areas.add(norm(a));
  return {
    workMode: p.workMode,
    company: p.company ? norm(p.company) : null,
    seniority: p.seniority,
    skills: p.skills.map((s) => s.toLowerCase()),
    areas: [...areas],
    regions: p.workMode === 'remote' ? p.remoteRegions.map(norm) : [],
    remoteAnywhere: p.workMode === 'remote' && p.remoteRegions.length === 0,
  };
}

/** Roles by id, a MiniSearch index and filter sets, kept in step by add/remove. */
export class RoleIndex {
  private ms = new MiniSearch<Doc>(MS_OPTIONS);
  private postings = new Map<string, Posting>();
  private byWorkMode = new Map<WorkMode | null, Set<string>>();
  private byCompany = new Map<string | null, Set<string>>();
  private bySeniority = new Map<string | null, Set<string>>();
  private bySkill = new Map<string, Set<string>>();
  private byArea = new Map<string, Set<string>>();
  private byRemoteRegion = new Map<string, Set<string>>();
  private remoteAnywhere = new Set<string>();
  private noPlace = new Set<string>();
  private pay = new Map<string, number>();
  private noPay = new Set<string>();
  private companyNames = new Map<string, string>();
  /** Position of each id in the stable order (company, title, id), rebuilt lazily after changes. */
  private rankCache: Map<string, number> | null = null;

  private rank(): Map<string, number> {
    if (!this.rankCache) {
      const ordered = [...this.postings.values()].sort(byStableOrder);
      this.rankCache = new Map(ordered.map((p, i) => [p.id, i]));
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
    // The same array until the companies change, so the query parser can keep its compiled form.
    this.companyList ??= [...this.companyNames.values()];
    return this.companyList;
  }

  private companyList: string[] | null = null;

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
    const k = keysOf(p);
    removeFrom(this.byWorkMode, k.workMode, id);
    removeFrom(this.byCompany, k.company, id);
    removeFrom(this.bySeniority, k.seniority, id);
    for (const s of k.skills) removeFrom(this.bySkill, s, id);
    for (const a of k.areas) removeFrom(this.byArea, a, id);
    for (const r of k.regions) removeFrom(this.byRemoteRegion, r, id);
    this.remoteAnywhere.delete(id);
    this.noPlace.delete(id);
    this.pay.delete(id);
    this.noPay.delete(id);
    this.invalidate();
    if (k.company && !this.byCompany.has(k.company)) this.companyNames.delete(k.company);
  }

  private file(p: Posting): void {
    const id = p.id;
    this.postings.set(id, p);
    const k = keysOf(p);
    addTo(this.byWorkMode, k.workMode, id);
    addTo(this.byCompany, k.company, id);
    if (k.company && !this.companyNames.has(k.company)) this.companyNames.set(k.company, p.company!);
    addTo(this.bySeniority, k.seniority, id);
    for (const s of k.skills) addTo(this.bySkill, s, id);
    for (const a of k.areas) addTo(this.byArea, a, id);
    for (const r of k.regions) addTo(this.byRemoteRegion, r, id);
    if (k.remoteAnywhere) this.remoteAnywhere.add(id);
    if (!k.areas.length && p.workMode !== 'remote') this.noPlace.add(id);
    const usd = Math.max(0, ...p.salaries.map((s) => annualTopUSD(s) ?? 0));
    if (usd > 0) this.pay.set(id, usd);
    else this.noPay.add(id);
    this.invalidate();
  }

  /** Everything derived from the postings is rebuilt lazily after any change. */
  private invalidate(): void {
    this.companyList = null;
    this.rankCache = null;
    this.payOrder = null;
    this.wordCache.clear();
    this.cachedEntries = 0;
    this.setCache.clear();
    this.queryCache.clear();
  }

  /** The top of a role's pay per year in US dollars (fixed rates), or null. */
  payOf(id: string): number | null {
    return this.pay.get(id) ?? null;
  }

  /** Parses and runs a query. */
  search(text: string, opts: SearchOptions = {}): SearchResult {
    return this.run(parseQuery(text, { companies: this.companies() }), opts);
  }

  /** Runs an already parsed query. */
  run(q: ParsedQuery, opts: SearchOptions = {}): SearchResult {
    const limit = opts.limit ?? 10;
    const offset = opts.offset ?? 0;
    const page = this.ranked(q, opts.now, offset + limit);
    // Hits are built for the page only: a broad query can match most of the corpus.
    const hits = page.ranked.slice(offset, offset + limit).map((r) => this.hit(r));
    const suggestions = page.total ? null : this.suggest(q, opts);
    return { query: q, hits, total: page.total, leftOut: page.leftOut, suggestions, notes: page.notes };
  }

  /**
   * The ranked matches of a query, from a small cache of recent queries (cleared on any change) so that
   * "More" and repeated questions skip the work; the first PAGE_DEPTH places are kept, deeper pages recompute.
   */
  private ranked(q: ParsedQuery, now: Date | undefined, depth: number): CachedQuery {
    const day = (now ?? new Date()).toISOString().slice(0, 10);
    const key = JSON.stringify([q.words, q.excludedWords, q.filters, day]);
    const hit = this.queryCache.get(key);
    if (hit && (depth <= hit.ranked.length || hit.ranked.length === hit.total)) return hit;
    const notes: string[] = [];
    const keep = Math.max(depth, PAGE_DEPTH);
    const all = this.match(q, this.candidates(q.filters), this.openFilter(now), notes, keep);
    const entry: CachedQuery = { ranked: all.slice(0, keep), total: all.length, leftOut: this.leftOut(q.filters), notes };
    if (this.queryCache.size >= QUERY_CACHE) this.queryCache.delete(this.queryCache.keys().next().value as string);
    this.queryCache.set(key, entry);
    return entry;
  }

  private queryCache = new Map<string, CachedQuery>();

  private hit(r: Ranked): Hit {
    const posting = this.postings.get(r.id)!;
    if (!r.result) return { posting, score: 0, terms: [], fields: [], nameTerms: 0 };
    const results = [r.result, ...(r.extra ?? [])];
    const matches = results.flatMap((x) => Object.values(x.match));
    return {
      posting,
      score: r.score,
      terms: [...new Set(results.flatMap((x) => x.terms))],
      fields: [...new Set(matches.flat())],
      nameTerms: matches.filter((fs) => fs.some((f) => f === 'title' || f === 'team' || f === 'company')).length,
    };
  }

  /** Counts matches without building the page. */
  count(q: ParsedQuery, now?: Date): number {
    return this.match(q, this.candidates(q.filters), this.openFilter(now), [], 0).length;
  }

  private openFilter(now = new Date()): (p: Posting) => boolean {
    const today = now.toISOString();
    return (p) => !p.validThrough || p.validThrough >= today.slice(0, p.validThrough.length);
  }

  /** Matching ids, best first; equal scores in the stable order. Only the first `keep` are sorted. */
  private match(q: ParsedQuery, candidates: Set<string> | null, open: (p: Posting) => boolean, notes: string[], keep = Infinity): Ranked[] {
    const excluded = q.excludedWords.length ? this.idsMentioning(q.excludedWords) : null;
    const ok = (id: string): boolean => (candidates === null || candidates.has(id)) && !excluded?.has(id) && open(this.postings.get(id)!);
    const rank = this.rank();
    if (!q.words.length) {
      const out: Ranked[] = [];
      for (const id of candidates ?? this.postings.keys()) if (ok(id)) out.push({ id, score: rank.get(id)!, result: null });
      return topK(out, keep, (a, b) => a.score - b.score);
    }
    // Plan: exact and prefix first; typo tolerance only when that finds nothing, since fuzzy matching is the costly part.
    let found = this.combine(q.words, 'AND', false, ok);
    if (!found.length) {
      found = this.combine(q.words, 'AND', true, ok);
      if (found.length) notes.push('allowed for typos');
    }
    if (!found.length && q.words.length > 1) {
      found = this.combine(q.words, 'OR', true, ok);
      if (found.length) notes.push('no role matched every word; these match some of them');
    }
    return topK(found, keep, (a, b) => b.score - a.score || rank.get(a.id)! - rank.get(b.id)!);
  }

  /**
   * Per-word results come from a small cache (cleared on any change), so filters and other words reuse them;
   * words are then combined here, as MiniSearch would: AND keeps ids every word found, scores add up.
   */
  private combine(words: string[], mode: 'AND' | 'OR', fuzzy: boolean, ok: (id: string) => boolean): Ranked[] {
    const perWord = words.map((w) => this.wordResults(w, fuzzy)).sort((a, b) => a.size - b.size);
    const out: Ranked[] = [];
    if (mode === 'AND') {
      const [first, ...rest] = perWord;
      for (const [id, r] of first!) {
        if (!ok(id)) continue;
        let score = r.score;
        let all = true;
        for (const other of rest) {
          const o = other.get(id);
          if (!o) {
            all = false;
            break;
          }
          score += o.score;
        }
        if (all) out.push({ id, score, result: r, extra: rest.map((m) => m.get(id)!) });
      }
      return out;
    }
    const merged = new Map<string, Ranked>();
    for (const m of perWord) {
      for (const [id, r] of m) {
        if (!ok(id)) continue;
        const prev = merged.get(id);
        if (prev) {
          prev.score += r.score;
          (prev.extra ??= []).push(r);
        } else merged.set(id, { id, score: r.score, result: r });
      }
    }
    return [...merged.values()];
  }

  private wordCache = new Map<string, Map<string, MsResult>>();
  private cachedEntries = 0;

  private wordResults(word: string, fuzzy: boolean): Map<string, MsResult> {
    const key = `${fuzzy ? '~' : ''}${word}`;
    const hit = this.wordCache.get(key);
    if (hit) {
      this.wordCache.delete(key);
      this.wordCache.set(key, hit);
      return hit;
    }
    const results = this.ms.search(wordQuery(word), {
      prefix: (t) => t.length >= 3,
      fuzzy: fuzzy ? (t) => (t.length >= 4 ? 0.25 : false) : false,
      maxFuzzy: 2,
    });
    const map = new Map(results.map((r) => [r.id as string, r]));
    this.wordCache.set(key, map);
    this.cachedEntries += map.size;
    // Bounded by entries as well as words: at 100k roles one common word holds tens of thousands of results.
    while (this.wordCache.size > WORD_CACHE || (this.cachedEntries > CACHE_ENTRIES && this.wordCache.size > 1)) {
      const oldest = this.wordCache.keys().next().value as string;
      this.cachedEntries -= this.wordCache.get(oldest)!.size;
      this.wordCache.delete(oldest);
    }
    return map;
  }

  /** Ids of roles whose indexed text has any of the words (for "-word"). */
  private idsMentioning(words: string[]): Set<string> {
    return new Set(this.ms.search({ combineWith: 'OR', queries: words }, { prefix: (t) => t.length >= 4 }).map((r) => r.id as string));
  }

  /** Ids passing every filter, or null when no filter applies. Built from the smallest sets first. */
  private candidates(f: Filters, skip?: keyof Filters): Set<string> | null {
    const sets: Set<string>[] = [];
    // A union of several keys is built once per change; one key's set is used as it is (the result is only read).
    const union = (tag: string, keys: Array<unknown>, map: Map<unknown, Set<string>>): Set<string> => {
      if (keys.length === 1) return map.get(keys[0]) ?? EMPTY;
      return this.cachedSet(`${tag}:${keys.map(String).sort().join('|')}`, () => {
        const out = new Set<string>();
        for (const key of keys) for (const id of map.get(key) ?? []) out.add(id);
        return out;
      });
    };
    if (skip !== 'workModes' && f.workModes.length) sets.push(union('mode', f.workModes, this.byWorkMode as Map<unknown, Set<string>>));
    if (skip !== 'companies' && f.companies.length) sets.push(union('company', f.companies.map(norm), this.byCompany as Map<unknown, Set<string>>));
    if (skip !== 'seniorities' && f.seniorities.length) sets.push(union('level', f.seniorities, this.bySeniority as Map<unknown, Set<string>>));
    if (skip !== 'skills' && f.skills.length) {
      const per = f.skills.map((s) => this.bySkill.get(s.toLowerCase()) ?? new Set<string>());
      if (f.anySkill) sets.push(union('skill', f.skills.map((s) => s.toLowerCase()), this.bySkill as Map<unknown, Set<string>>));
      else sets.push(...per);
    }
    if (skip !== 'places' && f.places.length) {
      const remote = f.workModes.includes('remote') && skip !== 'workModes';
      sets.push(this.cachedSet(`p:${remote}:${[...f.places].sort().join('|')}`, () => this.placeSet(f.places, remote)));
    }
    if (skip !== 'payFloor' && f.payFloor) {
      const usd = convert(f.payFloor.amount, f.payFloor.currency, 'USD') ?? f.payFloor.amount;
      sets.push(this.cachedSet(`$:${usd}`, () => this.paidAtLeast(usd)));
    }
    // The result is only read, so a single filter's set is returned as it is; several are intersected, smallest first.
    let result: Set<string> | null = null;
    if (sets.length === 1) result = sets[0]!;
    else if (sets.length) {
      sets.sort((a, b) => a.size - b.size);
      result = new Set<string>();
      const [first, ...rest] = sets;
      for (const id of first!) if (rest.every((s) => s.has(id))) result.add(id);
    }
    if (skip !== 'excludeCompanies' && f.excludeCompanies.length) {
      const out = new Set(result ?? this.postings.keys());
      for (const c of f.excludeCompanies) for (const id of this.byCompany.get(norm(c)) ?? []) out.delete(id);
      result = out;
    }
    return result;
  }

  private payOrder: Array<[string, number]> | null = null;
  /** Filter sets built from several keys (unions, places, pay floors), kept until the next change. */
  private setCache = new Map<string, Set<string>>();

  private cachedSet(key: string, build: () => Set<string>): Set<string> {
    let s = this.setCache.get(key);
    if (!s) {
      if (this.setCache.size >= 256) this.setCache.delete(this.setCache.keys().next().value as string);
      this.setCache.set(key, (s = build()));
    }
    return s;
  }

  /** Ids paying at least `usd` a year, from the pay list sorted once per change. */
  private paidAtLeast(usd: number): Set<string> {
    this.payOrder ??= [...this.pay].sort((a, b) => b[1] - a[1]);
    const out = new Set<string>();
    for (const [id, v] of this.payOrder) {
      if (v < usd) break;
      out.add(id);
    }
    return out;
  }

  /** Roles in a place; with remote asked for, also remote roles open to people living there. */
  private placeSet(places: string[], remoteEligible: boolean): Set<string> {
    const out = new Set<string>();
    for (const place of places) {
      for (const id of this.byArea.get(norm(place)) ?? []) out.add(id);
      if (!remoteEligible) continue;
      for (const id of this.remoteAnywhere) out.add(id);
      for (const area of placeAreas(place)) for (const id of this.byRemoteRegion.get(norm(area)) ?? []) out.add(id);
    }
    return out;
  }

  /** How many roles a filter left out only because the posting does not state that field. */
  private leftOut(f: Filters): LeftOut[] {
    const out: LeftOut[] = [];
    const unknown: Array<[keyof Filters, string, Set<string> | undefined, boolean]> = [
      ['workModes', 'work mode', this.byWorkMode.get(null), f.workModes.length > 0],
      ['seniorities', 'seniority', this.bySeniority.get(null), f.seniorities.length > 0],
      ['places', 'location', this.noPlace, f.places.length > 0],
      ['payFloor', 'pay', this.noPay, f.payFloor !== null],
      ['companies', 'company', this.byCompany.get(null), f.companies.length > 0],
    ];
    for (const [key, field, set, active] of unknown) {
      if (!active || !set?.size) continue;
      const others = this.candidates(f, key);
      let count = 0;
      for (const id of set) if (others === null || others.has(id)) count++;
      if (count) out.push({ field, count });
    }
    return out;
  }

  private suggest(q: ParsedQuery, opts: SearchOptions): Suggestions {
    const terms = new Set<string>();
    for (const w of q.words) {
      for (const s of this.ms.autoSuggest(w, { fuzzy: 0.34, prefix: true, boost: BOOST }).slice(0, 3)) {
        if (s.suggestion !== w) terms.add(s.suggestion);
      }
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
  toJSON(): { version: 1; postings: Posting[]; index: unknown } {
    return { version: 1, postings: this.all(), index: this.ms.toJSON() };
  }

  /** Restores an index saved with toJSON. */
  static fromJSON(saved: { version: 1; postings: Posting[]; index: unknown }): RoleIndex {
    const index = new RoleIndex();
    for (const p of saved.postings) index.file(p);
    index.ms = MiniSearch.loadJS(saved.index as Parameters<typeof MiniSearch.loadJS>[0], MS_OPTIONS);
    return index;
  }
}

/** One query word as MiniSearch sees it: the word or any of its synonyms (a phrase synonym needs all its words). */
function wordQuery(word: string): Query {
  const variants = [word, ...synonymsOf(word)];
  const queries: Query[] = variants.map((v) => (v.includes(' ') ? { combineWith: 'AND', queries: v.split(' ') } : v));
  // A quoted phrase typed by the user: all of its words.
  if (word.includes(' ')) return { combineWith: 'AND', queries: word.split(' ') };
  return queries.length === 1 ? queries[0]! : { combineWith: 'OR', queries };
}

interface CachedQuery {
  ranked: Ranked[];
  total: number;
  leftOut: LeftOut[];
  notes: string[];
}

const QUERY_CACHE = 500;
const PAGE_DEPTH = 100;

interface Ranked {
  id: string;
  score: number;
  result: MsResult | null;
  /** Results of the other words of the query, for why it matched. */
  extra?: MsResult[];
}

const WORD_CACHE = 256;
/** Shared and never written to. */
const EMPTY = new Set<string>();
const CACHE_ENTRIES = 300_000;

/** The array with its first `k` elements sorted (and the rest after them, unsorted): a page needs no full sort. */
function topK<T>(xs: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k >= xs.length / 4) return xs.sort(cmp);
  const top: T[] = [];
  const rest: T[] = [];
  for (const x of xs) {
    if (top.length < k) {
      top.push(x);
      if (top.length === k) top.sort(cmp);
      continue;
    }
    if (k === 0 || cmp(x, top[k - 1]!) >= 0) {
      rest.push(x);
      continue;
    }
    let i = k - 1;
    while (i > 0 && cmp(x, top[i - 1]!) < 0) i--;
    rest.push(top.pop()!);
    top.splice(i, 0, x);
  }
  if (top.length < k) top.sort(cmp);
  return [...top, ...rest];
}

function byStableOrder(pa: Posting, pb: Posting): number {
  return (pa.company ?? '').localeCompare(pb.company ?? '') || (pa.title ?? '').localeCompare(pb.title ?? '') || pa.id.localeCompare(pb.id);
}
