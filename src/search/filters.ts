// Precomputed sets of role ids per filter value (work mode, company, level, skill, place, pay), so a filter is a
// lookup and an intersection, never a pass over every role; and the counts of roles a filter leaves out unknown.
import { annualTopUSD, convert, findSkills, foldKey, levelFromYears, placeAreas, type Posting, type WorkMode } from '../postings/index.ts';
import type { Filters } from './query.ts';

export interface LeftOut {
  /** e.g. "work mode", "pay", "location", "seniority". */
  field: string;
  count: number;
}

const norm = foldKey;

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

/** A memo for keys many roles share (the same few places and companies recur): bounded, cleared when full. */
function memo<T>(fn: (s: string) => T, max = 50_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      cache.set(s, (v = fn(s)));
    }
    return v;
  };
}

// "São Paulo-SP", "Curitiba-PR": a city and its state's code joined by a hyphen, as Brazilian boards write them.
const areaKeys = memo((place: string) => placeAreas(place.replace(/(\p{L})-(\p{Lu}{2})$/u, '$1, $2')).map(norm));
const companyKey = memo(norm);
// Titles recur ("Software Engineer", "Registered Nurse"): their skills are found once, not at every role built or restored.
const titleSkills = memo(findSkills);

/** Keys under which a posting is filed in each precomputed set. */
function keysOf(p: Posting) {
  const areas = new Set<string>();
  for (const l of [...p.locations, ...p.remoteRegions]) for (const a of areaKeys(l)) areas.add(a);
  return {
    workMode: p.workMode,
    company: p.company ? companyKey(p.company) : null,
    // A title without a level is placed by the years it asks for; an internship by its type.
    seniority: p.seniority ?? (p.employmentType === 'internship' ? 'intern' : levelFromYears(p.yearsExperience)),
    currencies: [...new Set(p.salaries.map((s) => s.currency))],
    periods: [...new Set(p.salaries.map((s) => s.period))],
    // A skill the title names counts even when the text around it was not read as a skill list.
    skills: [...new Set([...p.skills, ...(p.title ? titleSkills(p.title) : [])].map((s) => s.toLowerCase()))],
    areas: [...areas],
    regions: p.workMode === 'remote' ? p.remoteRegions.map(norm) : [],
    remoteAnywhere: p.workMode === 'remote' && p.remoteRegions.length === 0,
  };
}

/** Shared and never written to. */
const EMPTY = new Set<string>();

export class FilterSets {
  /** @param everyId every role's id, for a filter that only leaves some out ("not at Acme"). */
  constructor(private readonly everyId: () => Iterable<string>) {}

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
  private byCurrency = new Map<string, Set<string>>();
  private byPeriod = new Map<string, Set<string>>();
  /** The fewest years each role asks for; roles stating none are in noYears. */
  private years = new Map<string, number>();
  private noYears = new Set<string>();
  /** When each role was posted (ms); roles without a date are in noDate. */
  private posted = new Map<string, number>();
  private noDate = new Set<string>();
  private companyNames = new Map<string, string>();
  private payOrder: Array<[string, number]> | null = null;
  private companyList: string[] | null = null;

  file(p: Posting): void {
    const id = p.id;
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
    for (const c of k.currencies) addTo(this.byCurrency, c, id);
    for (const pd of k.periods) addTo(this.byPeriod, pd, id);
    if (p.yearsExperience) this.years.set(id, p.yearsExperience.min);
    else this.noYears.add(id);
    const at = p.postedAt ? Date.parse(p.postedAt) : NaN;
    if (Number.isNaN(at)) this.noDate.add(id);
    else this.posted.set(id, at);
  }

  remove(p: Posting): void {
    const id = p.id;
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
    for (const c of k.currencies) removeFrom(this.byCurrency, c, id);
    for (const pd of k.periods) removeFrom(this.byPeriod, pd, id);
    this.years.delete(id);
    this.noYears.delete(id);
    this.posted.delete(id);
    this.noDate.delete(id);
    if (k.company && !this.byCompany.has(k.company)) this.companyNames.delete(k.company);
  }

  /** Drops what was derived from the sets; called after any change. */
  changed(): void {
    this.companyList = null;
    this.payOrder = null;
    this.setCache.clear();
    this.listCache.clear();
  }

  /** Company names as written. The same array until the companies change, so a parser can keep its compiled form. */
  companies(): string[] {
    this.companyList ??= [...this.companyNames.values()];
    return this.companyList;
  }

  /** The top of a role's pay per year in US dollars (fixed rates), or null. */
  payOf(id: string): number | null {
    return this.pay.get(id) ?? null;
  }

  /** Ids of roles whose posting states no company. */
  withoutCompany(): Set<string> {
    return this.byCompany.get(null) ?? EMPTY;
  }

  /**
   * The company keys a name stands for: itself, and every company whose name holds it as whole words ("Raiffeisen"
   * for "Raiffeisen Schweiz"). Worked out once per change.
   */
  private companyKeys(key: string): string[] {
    return this.cachedList(`ck:${key}`, () => {
      const out: string[] = [];
      const padded = ` ${key} `;
      for (const k of this.byCompany.keys()) if (k !== null && (k === key || ` ${k} `.includes(padded))) out.push(k);
      return out.length ? out : [key];
    });
  }

  private listCache = new Map<string, string[]>();

  private cachedList(key: string, build: () => string[]): string[] {
    let v = this.listCache.get(key);
    if (!v) {
      if (this.listCache.size >= 256) this.listCache.clear();
      this.listCache.set(key, (v = build()));
    }
    return v;
  }

  /** When a role was posted (ms since the epoch), or null. */
  postedAt(id: string): number | null {
    return this.posted.get(id) ?? null;
  }

  /** Ids passing every filter, or null when no filter applies. Built from the smallest sets first. */
  candidates(f: Filters, skip?: keyof Filters, now = Date.now()): Set<string> | null {
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
    if (skip !== 'companies' && f.companies.length) sets.push(union('company', f.companies.flatMap((c) => this.companyKeys(norm(c))), this.byCompany as Map<unknown, Set<string>>));
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
    if (skip !== 'payCeiling' && f.payCeiling) {
      const usd = convert(f.payCeiling.amount, f.payCeiling.currency, 'USD') ?? f.payCeiling.amount;
      sets.push(this.cachedSet(`$<:${usd}`, () => this.paidAtMost(usd)));
    }
    if (skip !== 'currencies' && f.currencies.length) sets.push(union('cur', f.currencies, this.byCurrency as Map<unknown, Set<string>>));
    if (skip !== 'periods' && f.periods.length) sets.push(union('per', f.periods, this.byPeriod as Map<unknown, Set<string>>));
    if (skip !== 'listsPay' && f.listsPay !== null) sets.push(f.listsPay ? this.cachedSet('paid', () => new Set(this.pay.keys())) : this.noPay);
    if ((skip !== 'yearsMax' && f.yearsMax !== null) || (skip !== 'yearsMin' && f.yearsMin !== null)) {
      const lo = skip === 'yearsMin' ? null : f.yearsMin;
      const hi = skip === 'yearsMax' ? null : f.yearsMax;
      sets.push(this.cachedSet(`y:${lo}:${hi}`, () => this.within(this.years, lo, hi)));
    }
    if (skip !== 'postedWithinDays' && f.postedWithinDays !== null) {
      const since = now - f.postedWithinDays * 86_400_000;
      sets.push(this.cachedSet(`d:${Math.floor(since / 3_600_000)}`, () => this.within(this.posted, since, null)));
    }
    if (skip !== 'ids' && f.ids) sets.push(new Set(f.ids));
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
      const out = new Set(result ?? this.everyId());
      for (const c of f.excludeCompanies) for (const id of this.byCompany.get(norm(c)) ?? []) out.delete(id);
      result = out;
    }
    return result;
  }

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

  /** Ids paying at most `usd` a year at the top of their range. */
  private paidAtMost(usd: number): Set<string> {
    const out = new Set<string>();
    for (const [id, v] of this.pay) if (v <= usd) out.add(id);
    return out;
  }

  /** Ids whose value lies within [lo, hi] (either end open when null). */
  private within(values: Map<string, number>, lo: number | null, hi: number | null): Set<string> {
    const out = new Set<string>();
    for (const [id, v] of values) if ((lo === null || v >= lo) && (hi === null || v <= hi)) out.add(id);
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
  leftOut(f: Filters, now = Date.now()): LeftOut[] {
    const out: LeftOut[] = [];
    const unknown: Array<[keyof Filters, string, Set<string> | undefined, boolean]> = [
      ['workModes', 'work mode', this.byWorkMode.get(null), f.workModes.length > 0],
      ['seniorities', 'seniority', this.bySeniority.get(null), f.seniorities.length > 0],
      ['places', 'location', this.noPlace, f.places.length > 0],
      ['payFloor', 'pay', this.noPay, f.payFloor !== null],
      ['companies', 'company', this.byCompany.get(null), f.companies.length > 0],
      ['currencies', 'pay', this.noPay, f.currencies.length > 0 && f.payFloor === null],
      ['periods', 'pay', this.noPay, f.periods.length > 0 && f.payFloor === null && f.currencies.length === 0],
      ['payCeiling', 'pay', this.noPay, f.payCeiling !== null && f.payFloor === null && !f.currencies.length && !f.periods.length],
      ['yearsMax', 'years of experience', this.noYears, f.yearsMax !== null],
      ['yearsMin', 'years of experience', this.noYears, f.yearsMin !== null && f.yearsMax === null],
      ['postedWithinDays', 'posting date', this.noDate, f.postedWithinDays !== null],
    ];
    for (const [key, field, set, active] of unknown) {
      if (!active || !set?.size) continue;
      const others = this.candidates(f, key, now);
      let count = 0;
      for (const id of set) if (others === null || others.has(id)) count++;
      if (count) out.push({ field, count });
    }
    return out;
  }
}
