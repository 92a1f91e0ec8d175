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
  summary: string;
  text: string;
}

const FIELDS = ['title', 'company', 'team', 'skills', 'locations', 'summary', 'text'] as const;
/** A title, team or skill match outranks a passing mention in the long text. */
const BOOST = { title: 6, company: 3, team: 4, skills: 4, locations: 2, summary: 1.5, text: 1 };

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
    summary: p.summary,
    // Long lists are indexed as their distinct terms: the words still find the role at a fraction of the cost.
    text: distinctTerms([...p.requirements, ...p.responsibilities, ...p.niceToHave].join(' ')),
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
  private companyNames = new Map<string, string>();

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
    return [...this.companyNames.values()];
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
    const notes: string[] = [];
    const open = this.openFilter(opts.now);
    const candidates = this.candidates(q.filters);
    let hits = this.match(q, candidates, open, notes);
    const leftOut = this.leftOut(q.filters);
    let suggestions: Suggestions | null = null;
    if (!hits.length) suggestions = this.suggest(q, opts);
    hits = hits.slice(0);
    return { query: q, hits: hits.slice(offset, offset + limit), total: hits.length, leftOut, suggestions, notes };
  }

  /** Counts matches without building the page. */
  count(q: ParsedQuery, now?: Date): number {
    return this.match(q, this.candidates(q.filters), this.openFilter(now), []).length;
  }

  private openFilter(now = new Date()): (p: Posting) => boolean {
    const today = now.toISOString();
    return (p) => !p.validThrough || p.validThrough >= today.slice(0, p.validThrough.length);
  }

  private match(q: ParsedQuery, candidates: Set<string> | null, open: (p: Posting) => boolean, notes: string[]): Hit[] {
    const ok = (id: string): boolean => (candidates === null || candidates.has(id)) && open(this.postings.get(id)!);
    if (!q.words.length) {
      const ids = candidates ?? this.postings.keys();
      const out: Hit[] = [];
      for (const id of ids) {
        if (!ok(id)) continue;
        const p = this.postings.get(id)!;
        if (q.excludedWords.length && this.mentions(p, q.excludedWords)) continue;
        out.push({ posting: p, score: 0, terms: [], fields: [], nameTerms: 0 });
      }
      return out.sort(byStableOrder);
    }
    const filter = (r: MsResult): boolean => ok(r.id as string);
    const build = (combineWith: 'AND' | 'OR'): Query => {
      const positive: Query = { combineWith, queries: q.words.map(wordQuery) };
      if (!q.excludedWords.length) return positive;
      return { combineWith: 'AND_NOT', queries: [positive, { combineWith: 'OR', queries: q.excludedWords }] };
    };
    // Plan: exact and prefix first; typo tolerance only when that finds nothing, since fuzzy matching is the costly part.
    const prefix = (term: string): boolean => term.length >= 3;
    let results = this.ms.search(build('AND'), { filter, prefix, fuzzy: false });
    if (!results.length) {
      results = this.ms.search(build('AND'), { filter, prefix, fuzzy: (t) => (t.length >= 4 ? 0.25 : false), maxFuzzy: 2 });
      if (results.length) notes.push('allowed for typos');
    }
    if (!results.length && q.words.length > 1) {
      results = this.ms.search(build('OR'), { filter, prefix, fuzzy: (t) => (t.length >= 4 ? 0.25 : false), maxFuzzy: 2 });
      if (results.length) notes.push('no role matched every word; these match some of them');
    }
    const hits = results.map((r): Hit => ({
      posting: this.postings.get(r.id as string)!,
      score: r.score,
      terms: r.terms,
      fields: [...new Set(Object.values(r.match).flat())],
      nameTerms: Object.values(r.match).filter((fs) => fs.some((f) => f === 'title' || f === 'team' || f === 'company')).length,
    }));
    return hits.sort((a, b) => b.score - a.score || byStableOrder(a, b));
  }

  private mentions(p: Posting, words: string[]): boolean {
    const hay = norm([p.title, p.company, p.team, p.summary, p.skills.join(' '), ...p.requirements, ...p.responsibilities].join(' '));
    return words.some((w) => new RegExp(`\\b${norm(w)}`).test(hay));
  }

  /** Ids passing every filter, or null when no filter applies. Built from the smallest sets first. */
  private candidates(f: Filters, skip?: keyof Filters): Set<string> | null {
    const sets: Set<string>[] = [];
    const union = (keys: Array<unknown>, map: Map<unknown, Set<string>>): Set<string> => {
      const out = new Set<string>();
      for (const key of keys) for (const id of map.get(key) ?? []) out.add(id);
      return out;
    };
    if (skip !== 'workModes' && f.workModes.length) sets.push(union(f.workModes, this.byWorkMode as Map<unknown, Set<string>>));
    if (skip !== 'companies' && f.companies.length) sets.push(union(f.companies.map(norm), this.byCompany as Map<unknown, Set<string>>));
    if (skip !== 'seniorities' && f.seniorities.length) sets.push(union(f.seniorities, this.bySeniority as Map<unknown, Set<string>>));
    if (skip !== 'skills' && f.skills.length) {
      const per = f.skills.map((s) => this.bySkill.get(s.toLowerCase()) ?? new Set<string>());
      if (f.anySkill) sets.push(union(f.skills.map((s) => s.toLowerCase()), this.bySkill as Map<unknown, Set<string>>));
      else sets.push(...per);
    }
    if (skip !== 'places' && f.places.length) sets.push(this.placeSet(f.places, f.workModes.includes('remote') && skip !== 'workModes'));
    if (skip !== 'payFloor' && f.payFloor) {
      const floor = convert(f.payFloor.amount, f.payFloor.currency, 'USD') ?? f.payFloor.amount;
      const s = new Set<string>();
      for (const [id, usd] of this.pay) if (usd >= floor) s.add(id);
      sets.push(s);
    }
    let result: Set<string> | null = null;
    if (sets.length) {
      sets.sort((a, b) => a.size - b.size);
      result = new Set(sets[0]);
      for (const s of sets.slice(1)) for (const id of result) if (!s.has(id)) result.delete(id);
    }
    if (skip !== 'excludeCompanies' && f.excludeCompanies.length) {
      const out = result ?? new Set(this.postings.keys());
      for (const c of f.excludeCompanies) for (const id of this.byCompany.get(norm(c)) ?? []) out.delete(id);
      result = out;
    }
    return result;
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
      ['payFloor', 'pay', this.unpaid(), f.payFloor !== null],
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

  private unpaid(): Set<string> {
    const s = new Set<string>();
    for (const id of this.postings.keys()) if (!this.pay.has(id)) s.add(id);
    return s;
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

function byStableOrder(a: Hit, b: Hit): number {
  const pa = a.posting;
  const pb = b.posting;
  return (pa.company ?? '').localeCompare(pb.company ?? '') || (pa.title ?? '').localeCompare(pb.title ?? '') || pa.id.localeCompare(pb.id);
}
