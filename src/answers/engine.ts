// Requests → Answers. A question is read once (request.ts); each intent here answers from that request with one
// search through the index's single entry point, resolves references to roles, and says what it cannot find.
import { annualTopUSD, fold, placeAreas, QUESTION_WORK_MODES, USD_PER_UNIT, WORK_MODE_LABELS, type Posting } from '../postings/index.ts';
import type { RoleIndex, SearchOptions, SearchResult } from '../search/index.ts';
import { describeFilters, emptyFilters, isEmptyQuery, type ParsedQuery } from '../search/query.ts';
import { countBy } from './tally.ts';
import { keyRequirements, YEARS_LINE, locationLine, payLine, payNote, roleName, seniorityLabel, toCard, workModeLine } from './cards.ts';
import { plainText } from './mentions.ts';
import { amongIds, readRequest, type Asked, type Request } from './request.ts';
import type { Recall, ThreadMemory } from './thread.ts';
import type { Answer, Intent, Part } from './types.ts';

export interface AskContext {
  index: RoleIndex;
  now?: Date;
  /** Cards per page. */
  limit?: number;
  /** The thread or DM the question is asked in: follow-ups refer to the previous answer's roles. */
  thread?: ThreadMemory;
}

const PAGE = 5;

function answer(intent: Intent, heading: string, parts: Part[], extra: Partial<Answer> = {}): Answer {
  return { intent, heading, parts, paging: null, leftOut: [], roleIds: [], ...extra };
}

/** A short answer of a heading and one paragraph, for command replies. */
export function textAnswer(heading: string, text: string, intent: Intent = 'help'): Answer {
  return answer(intent, heading, [{ type: 'text', text }]);
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Answers a question in plain words; in a thread, remembers what the answer was about for the next question. */
export function ask(input: string, ctx: AskContext): Answer {
  const recall = ctx.thread?.recall() ?? null;
  const req = readRequest(input, ctx.index.vocabulary());
  const a = answerRequest(req, ctx, recall);
  if (ctx.thread && !['help', 'smalltalk', 'fallback'].includes(a.intent)) {
    // A clarifying question keeps the roles it offers, so "the second one" picks among them.
    ctx.thread.remember({ roleIds: a.roleIds.slice(0, 20), intent: a.intent, text: req.text });
  }
  return a;
}

/** Answers a request read by readRequest; `recall` is the previous answer in the same thread, if any. */
export function answerRequest(req: Request, ctx: AskContext, recall: Recall | null = null): Answer {
  const own = namesRoles(req.query);
  // A follow-up: "it", "them", "the second one" refer to the previous answer's roles when the question names none.
  const thread = recall && recall.roleIds.length && !own && (req.previous || req.bare || isEmptyQuery(req.query)) ? pick(recall.roleIds, req.ordinal) : null;
  let intent = req.intent;
  if (req.bare && recall && intent === 'find') {
    // "and the Cartus one?" after a pay answer asks for pay again; after a list, "the second one" is a role's card.
    if (['pay', 'years', 'requirements', 'yesno', 'skills'].includes(recall.intent) && (own || thread?.length === 1)) intent = recall.intent === 'yesno' ? 'find' : recall.intent;
  }
  if (thread && intent === 'find' && req.ordinal !== null) intent = 'find';
  switch (intent) {
    case 'help':
      return help(ctx);
    case 'smalltalk':
      return smalltalk(req, ctx);
    case 'fallback':
      return fallback(req, ctx);
    case 'compare':
      return compare(req, ctx, thread);
    case 'count':
      return count(req, ctx, recall, thread);
    case 'hiring':
      return overview(req, ctx, thread);
    case 'newest':
      return listBy(req, ctx, 'newest', thread);
    case 'pay':
      // "roles that don't list pay" is a search: there is no pay to rank them by.
      if (req.query.filters.listsPay === false) return findAnswer(thread ? amongIds(req.query, thread) : req.query, req.text, ctx, 0, 'pay');
      if (req.list || (!own && !thread && !isEmptyQuery(req.query))) return payList(req, ctx, thread);
      return aboutRoles(req, ctx, thread, 'pay');
    case 'years':
    case 'requirements':
    case 'yesno':
      return aboutRoles(req, ctx, thread, intent);
    case 'skills':
      if (own || thread) return aboutRoles(req, ctx, thread, 'skills');
      return findAnswer(req.query, req.text, ctx, 0, 'skills');
    default:
      if (thread) return findAnswer(amongIds(req.query, thread), req.text, ctx, 0, 'find');
      return findAnswer(req.query, req.text, ctx, 0, req.query.filters.skills.length ? 'skills' : 'find');
  }
}

/** The previous roles a follow-up means: all of them, or the one an ordinal picks. */
function pick(ids: string[], ordinal: number | null): string[] {
  if (ordinal === null) return ids;
  const id = ordinal === -1 ? ids[ids.length - 1] : ids[ordinal - 1];
  return id ? [id] : [];
}

/** Whether a query names roles by itself: a company, or words, or a place or level with nothing else to go on. */
function namesRoles(q: ParsedQuery): boolean {
  return q.filters.companies.length > 0 || q.words.length > 0;
}

/** A page of roles for a query: the slash command, "More", and questions that are really searches. */
export function find(queryText: string, ctx: AskContext, offset = 0, intent: Intent = 'find'): Answer {
  const text = plainText(queryText);
  if (!text) return help(ctx);
  const req = readRequest(text, ctx.index.vocabulary());
  return findAnswer(req.query, text, ctx, offset, intent);
}

function findAnswer(q: ParsedQuery, text: string, ctx: AskContext, offset: number, intent: Intent): Answer {
  const limit = ctx.limit ?? PAGE;
  if (isEmptyQuery(q)) return fallback({ text, query: q } as Request, ctx);
  const r = ctx.index.run(q, { limit, offset, now: ctx.now, words: 'rank' });
  if (!r.total) return noMatch(text, r, ctx);
  if (!r.hits.length) return answer(intent, `That was all ${plural(r.total, 'role')} matching “${text}”`, [{ type: 'text', text: 'There are no more results. Search again with other words to see different roles.' }]);
  // Roles the words name (title, team or company) rank before roles that only mention them. When a page opens with
  // two or more of the first kind, the others wait for the next page: "teacher jobs" lists teachers, not postings
  // that mention teachers in passing.
  const lead = r.hits.findIndex((h) => h.nameTerms === 0);
  const hits = q.words.length && lead >= 2 ? r.hits.slice(0, lead) : r.hits;
  const filters = describeFilters(q.filters);
  const cards = hits.map((h) => toCard(h.posting, { hit: h, filters, now: ctx.now, prefer: q.filters.skills }));
  const parts: Part[] = [{ type: 'roles', roles: cards }];
  const notes = [...q.readings, ...r.notes, ...leftOutNotes(r)];
  if (q.words.length && r.matchedWords && r.matchedWords < r.total) notes.push(`${plural(r.total - r.matchedWords, 'more role')} ${r.total - r.matchedWords === 1 ? 'meets' : 'meet'} the rest but ${r.total - r.matchedWords === 1 ? 'does' : 'do'} not mention “${q.words.join(' ')}”; they come after`);
  if (notes.length) parts.push({ type: 'note', text: sentences(notes) });
  const shown = `${offset + 1}–${offset + hits.length}`;
  const n = r.matchedWords || r.total;
  // The page is named when the matches run past it; roles that only meet the filters follow without a count here.
  const heading = `${plural(n, 'role')} ${n === 1 ? 'matches' : 'match'} “${text}”${n > hits.length || offset > 0 ? ` (showing ${shown})` : ''}`;
  return answer(intent, heading, parts, {
    paging: { query: text, offset, limit: hits.length < r.hits.length ? hits.length : limit, total: r.total },
    leftOut: r.leftOut,
    roleIds: hits.map((h) => h.posting.id),
  });
}

function leftOutNotes(r: SearchResult): string[] {
  return r.leftOut.map((l) => `${plural(l.count, 'role')} left out because ${l.count === 1 ? 'its posting does' : 'their postings do'} not state ${l.field === 'pay' ? 'pay' : `the ${l.field}`}`);
}

/** Notes as sentences, each capitalised. */
function sentences(notes: string[]): string {
  return notes.map((n) => `${capitalise(n)}.`).join(' ');
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function noMatch(text: string, r: SearchResult, ctx: AskContext): Answer {
  const parts: Part[] = [{ type: 'text', text: `No open role matches “${text}”.` }];
  const s = r.suggestions;
  // A question that was only the filter (e.g. "900k+") relaxes to nothing: there is no query left to suggest.
  if (s?.relaxed) parts.push({ type: 'text', text: `Without ${s.relaxed.without}, ${plural(s.relaxed.count, 'role')} ${s.relaxed.count === 1 ? 'matches' : 'match'}: ${s.relaxed.query.trim() ? `try “${s.relaxed.query}”` : 'ask without it to see them'}.` });
  if (s?.terms.length) parts.push({ type: 'text', text: `Closest words in the postings: ${s.terms.join(', ')}.` });
  const understood = understoodLine(r.query);
  if (understood) parts.push({ type: 'note', text: understood });
  const notes = leftOutNotes(r);
  if (notes.length) parts.push({ type: 'note', text: sentences(notes) });
  if (!s?.relaxed && !s?.terms.length) parts.push({ type: 'text', text: `Try one of: ${examples(ctx).slice(0, 3).map((e) => `“${e}”`).join(', ')}.` });
  return answer('none', `No roles match “${text}”`, parts, { leftOut: r.leftOut });
}

/** "I read this as: remote, in Berlin, words “ranking”" — what the question was understood to ask. */
function understoodLine(q: ParsedQuery): string | null {
  const bits = [...describeFilters(q.filters)];
  if (q.words.length) bits.push(`the words “${q.words.join(' ')}”`);
  if (q.sort === 'pay-desc') bits.push('highest pay first');
  if (q.sort === 'pay-asc') bits.push('lowest pay first');
  if (q.sort === 'newest') bits.push('newest first');
  return bits.length ? `I read this as: ${bits.join(', ')}.` : null;
}

/** Roles a query names ("the beehiiv role", "the Reddit feed role", "the staff one"), best first; `exact` when one stands out. */
export function resolve(text: string, ctx: AskContext): { roles: Posting[]; exact: boolean; query: string } {
  const req = readRequest(text, ctx.index.vocabulary());
  return resolveQuery(req.query, ctx);
}

function resolveQuery(q: ParsedQuery, ctx: AskContext): { roles: Posting[]; exact: boolean; query: string } {
  const label = [...q.words, ...describeFilters(q.filters)].join(' ');
  if (isEmptyQuery(q)) return { roles: [], exact: false, query: '' };
  const opts: SearchOptions = { limit: 50, now: ctx.now, words: 'all' };
  let r = ctx.index.run(q, opts);
  // Words that no role holds: a company named alongside still names the role ("the City of Tempe CFO job").
  if (!r.total && q.words.length && q.filters.companies.length) r = ctx.index.run(q, { ...opts, words: 'rank' });
  let hits = r.hits;
  if (hits.length > 1 && hits[0]!.score > 0 && hits[0]!.score >= 2 * hits[1]!.score) hits = [hits[0]!];
  // "the feed relevance job": the one role whose name holds every word beats roles that mention them in passing.
  const named = hits.filter((h) => q.words.length > 0 && h.nameTerms >= q.words.length);
  if (hits.length > 1 && named.length >= 1) hits = named;
  // "the staff one": an exact level beats a broader one ("staff" also finds senior staff).
  const levels = q.filters.seniorities;
  if (hits.length > 1 && levels.length > 1) {
    const exact = hits.filter((h) => h.posting.seniority === levels[0]);
    if (exact.length === 1) hits = exact;
  }
  return { roles: hits.map((h) => h.posting), exact: hits.length === 1, query: label };
}

function whichOne(roles: Posting[], intent: Intent): Answer {
  const shown = roles.slice(0, 8);
  const level = shown[0]!.seniority ? seniorityLabel(shown[0]!.seniority).toLowerCase() : '';
  return answer('clarify', `${plural(roles.length, 'role')} fit — which one do you mean?`, [
    { type: 'list', title: 'Roles that fit', items: shown.map((p) => `${roleName(p)} (${workModeLine(p)}, ${locationLine(p)})`), more: roles.length - shown.length },
    { type: 'text', text: `Ask again naming the company or level, e.g. “${intent === 'pay' ? 'what does' : 'requirements for'} the ${shown[0]!.company ?? ''} ${level} role”, or “the second one”.`.replace(/\s+/g, ' ') },
  ], { roleIds: shown.map((p) => p.id) });
}

function notFound(ref: string, ctx: AskContext): Answer {
  const r = ctx.index.search(ref, { now: ctx.now });
  const parts: Part[] = [{ type: 'text', text: `I could not find a role matching “${ref}”.` }];
  if (r.suggestions?.terms.length) parts.push({ type: 'text', text: `Closest words in the postings: ${r.suggestions.terms.join(', ')}.` });
  const companies = ctx.index.companies().slice(0, 8);
  if (companies.length) parts.push({ type: 'text', text: `Companies with open roles: ${companies.join(', ')}.` });
  return answer('none', `No role matches “${ref}”`, parts);
}

/** Questions about one role (or a few): pay, years, requirements, skills, yes/no. */
function aboutRoles(req: Request, ctx: AskContext, thread: string[] | null, intent: Intent): Answer {
  let roles: Posting[];
  if (thread) roles = thread.map((id) => ctx.index.get(id)).filter((p): p is Posting => Boolean(p));
  else {
    const ref = resolveQuery(req.query, ctx);
    if (!ref.query) return answer('clarify', 'Which role?', [{ type: 'text', text: `Name a role, e.g. “${intent === 'pay' ? 'what does' : 'requirements for'} the ${ctx.index.companies()[0] ?? 'Acme'} role”.` }]);
    if (!ref.roles.length) return notFound(ref.query, ctx);
    roles = ref.roles;
    // A handful from one company is answered for each; more than that needs narrowing.
    // A yes/no about one company's roles that all get the same answer is answered once ("are the Acme jobs remote?").
    if (intent === 'yesno' && roles.length > 1 && sameCompany(roles)) {
      const same = sameVerdict(roles, req.asked!);
      if (same) return same;
    }
    if (roles.length > 1 && (roles.length > 3 || intent === 'requirements' || !sameCompany(roles))) return whichOne(roles, intent);
  }
  if (!roles.length) return answer('clarify', 'Which role?', [{ type: 'text', text: 'I have no role from before to go on: name the role, e.g. “the beehiiv role”.' }]);
  if (roles.length > 5 && intent !== 'pay') return whichOne(roles, intent);
  if (roles.length === 1) {
    const p = roles[0]!;
    if (intent === 'pay') return payOf(p);
    if (intent === 'years') return yearsOf(p);
    if (intent === 'skills') return skillsOf(p);
    if (intent === 'yesno') return yesNo(p, req.asked!);
    return requirementsOf(p, req.full);
  }
  const each = roles.slice(0, 5).map((p) => (intent === 'pay' ? payOf(p) : intent === 'years' ? yearsOf(p) : intent === 'skills' ? skillsOf(p) : intent === 'yesno' ? yesNo(p, req.asked!) : requirementsOf(p, false)));
  return answer(intent === 'requirements' ? 'requirements' : intent, `${capitalise(intent === 'yesno' ? 'the answer' : intent === 'years' ? 'years of experience' : intent)} for ${plural(roles.length, 'role')}`, each.flatMap((a) => [{ type: 'text' as const, text: `*${a.heading}*` }, ...a.parts]), { roleIds: roles.slice(0, 5).map((p) => p.id) });
}

/** One answer for several roles when each gets the same verdict; null when they differ. */
function sameVerdict(roles: Posting[], asked: Asked): Answer | null {
  const each = roles.slice(0, 20).map((p) => yesNo(p, asked));
  if (new Set(each.map((a) => a.heading)).size !== 1) return null;
  const first = each[0]!;
  const who = roles[0]!.company ?? 'this posting';
  const parts: Part[] = [{ type: 'text', text: `${first.heading}: the same for all ${roles.length} roles of ${who} — ${roles.slice(0, 5).map((p) => p.title ?? 'Untitled role').join(', ')}${roles.length > 5 ? ', …' : ''}.` }, ...first.parts];
  return answer('yesno', first.heading, parts, { roleIds: roles.slice(0, 20).map((p) => p.id) });
}

/** Roles of one company, or of one posting that lists several ("who is hiring" posts). */
function sameCompany(roles: Posting[]): boolean {
  return new Set(roles.map((p) => p.company)).size === 1 || new Set(roles.map((p) => p.source.file ?? p.id)).size === 1;
}

/** Pay of many roles: highest (or lowest) first, or those meeting a pay filter. */
function payList(req: Request, ctx: AskContext, thread: string[] | null): Answer {
  const base = thread ? amongIds(req.query, thread) : req.query;
  // Ordered by pay, the roles without pay are counted apart anyway: "which roles list a salary" needs no filter for it.
  const q: ParsedQuery = { ...base, sort: base.sort === 'pay-asc' ? 'pay-asc' : 'pay-desc', filters: { ...base.filters, listsPay: base.filters.listsPay === true ? null : base.filters.listsPay } };
  const f = q.filters;
  const limit = ctx.limit ?? PAGE;
  const ranked = req.query.sort !== 'relevance';
  const show = ranked ? limit : Math.max(limit, 10);
  const r = ctx.index.run(q, { limit: show, now: ctx.now, words: 'rank', facets: true });
  const all = r.total + (r.leftOut.find((l) => l.field === 'pay' && !f.payFloor)?.count ?? 0);
  if (!r.total && (f.payFloor || f.payCeiling)) return noMatch(req.text, r, ctx);
  const parts: Part[] = [];
  if (!r.hits.length) parts.push({ type: 'text', text: f.payFloor ? 'No role states pay at or above that.' : 'None of these roles states its pay.' });
  else parts.push({ type: 'roles', roles: r.hits.map((h) => toCard(h.posting, { now: ctx.now })) });
  const notes: string[] = [];
  const unpaid = all - r.total;
  if (unpaid && !f.payFloor && f.listsPay === null) notes.push(`${plural(unpaid, 'role')} ${unpaid === 1 ? 'does' : 'do'} not list pay`);
  notes.push(...leftOutNotes({ ...r, leftOut: r.leftOut.filter((l) => l.field !== 'pay' || f.payFloor) }));
  const currencies = new Set(r.hits.flatMap((h) => h.posting.salaries.map((s) => s.currency)));
  currencies.delete('USD');
  if (currencies.size) notes.push(`pay in other currencies is ranked at fixed rates (${[...currencies].filter((c) => USD_PER_UNIT[c]).map((c) => `1 ${c} ≈ $${USD_PER_UNIT[c]}`).join(', ')})`);
  notes.push('hourly, daily and monthly pay is ranked by its annual equivalent');
  parts.push({ type: 'note', text: sentences(notes) });
  const label = describeFilters({ ...emptyFilters(), payFloor: f.payFloor, payCeiling: f.payCeiling, currencies: f.currencies, periods: f.periods }).map((s) => s.replace(/^paying /, '')).join(', ');
  const heading = req.query.sort === 'pay-asc'
    ? `Lowest paying roles (${r.total} of ${all} list pay)`
    : ranked
      ? `Highest paying roles (${r.total} of ${all} list pay)`
      : f.payFloor || f.payCeiling
        ? `${plural(r.total, 'role')} pay ${label}`
        : f.currencies.length || f.periods.length
          ? `${plural(r.total, 'role')} ${r.total === 1 ? 'is' : 'are'} ${label}`
          : `${plural(r.total, 'role')} of ${all} list a salary`;
  return answer('pay', heading, parts, { roleIds: r.hits.map((h) => h.posting.id), leftOut: r.leftOut });
}

function payOf(p: Posting): Answer {
  const parts: Part[] = [];
  if (!p.salaries.length) {
    parts.push({ type: 'text', text: `Pay is not listed in the posting for ${roleName(p)}.` });
  } else {
    const facts: Array<[string, string]> = p.salaries.map((s, i) => [
      p.salaries.length > 1 ? `Range ${i + 1}` : 'Pay',
      `${payLine({ ...p, salaries: [s] })} — as written: “${s.text}”${s.currency !== 'USD' ? ` (${s.currency})` : ''}`,
    ]);
    parts.push({ type: 'facts', title: roleName(p), facts });
    if (p.salaries.length > 1) parts.push({ type: 'text', text: `The posting states ${p.salaries.length} different ranges; they differ, so ask the recruiter which applies.` });
    const note = payNote(p);
    if (note && p.salaries.length === 1) parts.push({ type: 'note', text: capitalise(note) + '.' });
  }
  return answer('pay', `Pay for ${roleName(p)}`, parts, { roleIds: [p.id] });
}

const yearsText = (p: Posting): string =>
  p.yearsExperience ? `${p.yearsExperience.min}${p.yearsExperience.max === null ? '+' : p.yearsExperience.max !== p.yearsExperience.min ? `–${p.yearsExperience.max}` : ''} years` : 'Not stated';

/** The lines of a posting, as its parts were read: where a quote is looked for; the summary, partly written by the parser, last. */
function linesOf(p: Posting): string[] {
  return [p.title ?? '', ...p.locations, ...p.requirements, ...p.responsibilities, ...p.niceToHave, ...p.benefits, p.summary].filter(Boolean);
}


/** The first line of a posting a pattern finds, cut to a readable length. */
function quote(p: Posting, re: RegExp): string | null {
  for (const line of linesOf(p)) {
    // Matched on the folded line ("télétravail" as "teletravail"); folding keeps the length of accented letters.
    const folded = fold(line);
    const m = re.exec(folded.length === line.length ? folded : line);
    if (!m) continue;
    const at = Math.max(0, m.index - 80);
    const cut = line.slice(at, at + 220).trim();
    return `${at > 0 ? '…' : ''}${cut}${at + 220 < line.length ? '…' : ''}`;
  }
  return null;
}

function yearsOf(p: Posting): Answer {
  const parts: Part[] = [];
  if (!p.yearsExperience) parts.push({ type: 'text', text: `The posting for ${roleName(p)} does not state how many years of experience it wants.` });
  else {
    parts.push({ type: 'text', text: `${roleName(p)} asks for ${yearsText(p)} of experience.` });
    const line = quote(p, YEARS_LINE);
    if (line) parts.push({ type: 'note', text: `The posting says: “${line}”` });
  }
  return answer('years', `Experience for ${roleName(p)}`, parts, { roleIds: [p.id] });
}

function skillsOf(p: Posting): Answer {
  const parts: Part[] = p.skills.length
    ? [{ type: 'list', title: 'Skills named', items: p.skills.slice(0, 20), more: Math.max(0, p.skills.length - 20) }]
    : [{ type: 'text', text: 'The posting names no skills I know.' }];
  const must = keyRequirements(p, 3);
  if (must.length) parts.push({ type: 'list', title: 'Key requirements', items: must, more: 0 });
  return answer('skills', `Skills for ${roleName(p)}`, parts, { roleIds: [p.id] });
}

/** The words of each work mode (from the one lexicon), as a pattern that finds the line of a posting naming it. */
const MODE_WORDS = Object.fromEntries(
  (['remote', 'hybrid', 'onsite'] as const).map((mode) => {
    const labels = [...WORK_MODE_LABELS[mode], ...Object.entries(QUESTION_WORK_MODES).filter(([, m]) => m === mode).map(([w]) => w)];
    const words = labels.map(fold).filter((w) => w !== 'office').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]?'));
    return [mode, new RegExp(`(?:^|[^\\p{L}])(?:${words.join('|')})(?:$|[^\\p{L}])`, 'iu')];
  }),
) as Record<'remote' | 'hybrid' | 'onsite', RegExp>;

/** Yes, no or "not stated", with the line of the posting that says so. */
function yesNo(p: Posting, asked: Asked): Answer {
  const name = roleName(p);
  let verdict: string;
  let line: string | null = null;
  switch (asked.field) {
    case 'workMode': {
      const mode = p.workMode;
      const label: Record<string, string> = { remote: 'remote', hybrid: 'hybrid', onsite: 'on-site' };
      if (!mode) verdict = `Not stated: the posting for ${name} does not say whether it is ${label[asked.value]}.`;
      else if (mode === asked.value) verdict = `Yes: ${name} is ${workModeLine(p).toLowerCase()}.`;
      else if (mode === 'hybrid') verdict = `Partly: ${name} is hybrid, so some days are ${asked.value === 'remote' ? 'remote and some in the office' : 'in the office and some remote'}.`;
      else verdict = `No: ${name} is ${label[mode]}.`;
      if (mode) line = quote(p, MODE_WORDS[mode]!);
      break;
    }
    case 'place': {
      const areas = new Set(p.locations.flatMap((l) => placeAreas(l)));
      if (!p.locations.length) verdict = p.workMode === 'remote' ? `Not stated: ${name} is remote${p.remoteRegions.length ? ` (${p.remoteRegions.join(', ')})` : ''} and names no office.` : `Not stated: the posting for ${name} names no location.`;
      else if (areas.has(asked.value)) verdict = `Yes: ${name} is in ${p.locations.join(' · ')}.`;
      else verdict = `No: ${name} is in ${p.locations.join(' · ')}.`;
      break;
    }
    case 'payAtLeast': {
      const top = Math.max(0, ...p.salaries.map((s) => annualTopUSD(s) ?? 0));
      const want = (USD_PER_UNIT[asked.value.currency] ?? 1) * asked.value.amount;
      if (!p.salaries.length) verdict = `Not stated: the posting for ${name} does not list pay.`;
      else verdict = `${top >= want ? 'Yes' : 'No'}: ${name} pays ${payLine(p)}.`;
      if (p.salary) line = p.salary.text;
      break;
    }
    case 'listsPay':
      verdict = p.salaries.length ? `Yes: ${name} lists ${payLine(p)}.` : `No: pay is not listed in the posting for ${name}.`;
      if (p.salary) line = p.salary.text;
      break;
    case 'period':
      verdict = !p.salaries.length ? `Not stated: the posting for ${name} does not list pay.` : p.salaries.some((s) => s.period === asked.value) ? `Yes: ${name} pays ${payLine(p)}.` : `No: ${name} pays ${payLine(p)}.`;
      break;
    case 'skill': {
      const re = new RegExp(`(?:^|[^\\p{L}])${asked.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}])`, 'iu');
      line = quote(p, re);
      const named = p.skills.some((s) => s.toLowerCase() === asked.value.toLowerCase());
      verdict = named || line ? `Yes: the posting for ${name} names ${asked.value}.` : `Not stated: the posting for ${name} does not mention ${asked.value}.`;
      break;
    }
    case 'years':
      if (!p.yearsExperience) verdict = `Not stated: the posting for ${name} does not say how many years it wants.`;
      else verdict = `${p.yearsExperience.min <= asked.value ? 'Yes' : 'No'}: ${name} asks for ${yearsText(p)}.`;
      line = quote(p, YEARS_LINE);
      break;
    case 'level':
      verdict = !p.seniority ? `Not stated: the title of ${name} names no level.` : asked.value.includes(p.seniority) ? `Yes: ${name} is ${seniorityLabel(p.seniority).toLowerCase()} level.` : `No: ${name} is ${seniorityLabel(p.seniority).toLowerCase()} level.`;
      break;
  }
  const parts: Part[] = [{ type: 'text', text: verdict }];
  if (line) parts.push({ type: 'note', text: `The posting says: “${line}”` });
  return answer('yesno', verdict.split(':')[0]!, parts, { roleIds: [p.id] });
}

/** Years, must-haves, nice-to-haves and education; the full lists when asked (or for the Details view). */
export function requirementsOf(p: Posting, full: boolean): Answer {
  const facts: Array<[string, string]> = [];
  facts.push(['Experience', yearsText(p)]);
  facts.push(['Education', p.education ?? 'Not stated']);
  if (p.skills.length) facts.push(['Skills named', p.skills.slice(0, 12).join(', ')]);
  facts.push(['Work mode', workModeLine(p)], ['Location', locationLine(p)], ['Pay', payLine(p)]);
  // The full view lists everything; the front end decides how much fits (a Slack modal continues lists over sections).
  const n = full ? Number.POSITIVE_INFINITY : 5;
  const parts: Part[] = [{ type: 'facts', title: roleName(p), facts }];
  const must = full ? p.requirements : keyRequirements(p, 5);
  if (must.length) parts.push({ type: 'list', title: 'Must-haves', items: must.slice(0, n), more: Math.max(0, p.requirements.length - must.slice(0, n).length) });
  else parts.push({ type: 'text', text: 'The posting lists no requirements.' });
  if (p.niceToHave.length) parts.push({ type: 'list', title: 'Nice to have', items: p.niceToHave.slice(0, full ? n : 3), more: Math.max(0, p.niceToHave.length - (full ? p.niceToHave.length : 3)) });
  if (full && p.responsibilities.length) parts.push({ type: 'list', title: 'What you will do', items: p.responsibilities, more: 0 });
  if (full && p.benefits.length) parts.push({ type: 'list', title: 'Benefits', items: p.benefits, more: 0 });
  if (!full && p.requirements.length > 5) parts.push({ type: 'note', text: `Ask for “full requirements for ${roleName(p)}” to see all ${p.requirements.length}.` });
  if (p.summary) parts.push({ type: 'note', text: p.summary });
  return answer('requirements', `What ${roleName(p)} asks for`, parts, { roleIds: [p.id] });
}

function compare(req: Request, ctx: AskContext, thread: string[] | null): Answer {
  let roles: Posting[] = [];
  if (req.sides.length >= 2) {
    // "patreon senior vs senior staff": a side that names no company borrows the first side's.
    const first = resolveQuery(req.sides[0]!, ctx);
    const company = first.roles[0]?.company;
    for (const [i, side] of req.sides.entries()) {
      let r = i === 0 ? first : resolveQuery(side, ctx);
      if (company && i > 0 && !side.filters.companies.length) {
        const scoped = resolveQuery({ ...side, filters: { ...side.filters, companies: [company] } }, ctx);
        if (scoped.roles.length) r = scoped;
      }
      const pick = r.roles.find((p) => !roles.includes(p));
      if (pick) roles.push(pick);
    }
  } else if (thread && thread.length >= 2) {
    roles = thread.map((id) => ctx.index.get(id)).filter((p): p is Posting => Boolean(p));
  } else if (namesRoles(req.query) || describeFilters(req.query.filters).length) {
    const r = ctx.index.run(req.query, { limit: 5, now: ctx.now, words: 'all' });
    roles = r.hits.map((h) => h.posting);
  }
  roles = roles.slice(0, 5);
  if (roles.length < 2) {
    return answer('compare', 'Nothing to compare', [{ type: 'text', text: roles.length ? `Only one role fits: ${roleName(roles[0]!)}. Name two or more, e.g. “compare ${roles[0]!.company ?? ''} senior vs staff”.` : 'No roles fit that. Name two roles, e.g. “compare the Reddit roles” or “beehiiv vs Patreon”.' }], { roleIds: roles.map((p) => p.id) });
  }
  const cards = roles.map((p) => toCard(p, { now: ctx.now }));
  const rows = [
    { label: 'Company', values: roles.map((p) => p.company ?? 'Not stated') },
    { label: 'Seniority', values: roles.map((p) => seniorityLabel(p.seniority)) },
    { label: 'Location', values: roles.map(locationLine) },
    { label: 'Work mode', values: roles.map(workModeLine) },
    { label: 'Pay', values: roles.map(payLine) },
    { label: 'Years', values: roles.map((p) => (p.yearsExperience ? yearsText(p).replace(' years', '') : 'Not stated')) },
    { label: 'Top skills', values: roles.map((p) => p.skills.slice(0, 5).join(', ') || 'None named') },
  ];
  const parts: Part[] = [{ type: 'compare', roles: cards, rows }];
  const verdict = /\b(pay|pays|paid|salary|earn|zahlt|paie|paye|paga|pagam)\w*/i.test(req.text) ? payVerdict(roles) : /\b(experience|years|erfahrung|experiencia|annees|anos)\b/i.test(req.text) ? yearsVerdict(roles) : null;
  if (verdict) parts.unshift({ type: 'text', text: verdict });
  return answer('compare', `Comparing ${plural(roles.length, 'role')}`, parts, { roleIds: roles.map((p) => p.id) });
}

function payVerdict(roles: Posting[]): string {
  const paid = roles.filter((p) => p.salaries.length).map((p) => ({ p, top: Math.max(0, ...p.salaries.map((s) => annualTopUSD(s) ?? 0)) }));
  if (!paid.length) return 'Neither posting lists pay, so I cannot say which pays more.';
  if (paid.length < roles.length) return `Only ${roleName(paid[0]!.p)} lists pay (${payLine(paid[0]!.p)}); the other posting${roles.length - paid.length > 1 ? 's do' : ' does'} not, so I cannot say which pays more.`;
  paid.sort((a, b) => b.top - a.top);
  return `${roleName(paid[0]!.p)} pays more: ${payLine(paid[0]!.p)}, against ${paid.slice(1).map((x) => payLine(x.p)).join(', ')} (compared per year).`;
}

function yearsVerdict(roles: Posting[]): string {
  const stated = roles.filter((p) => p.yearsExperience).sort((a, b) => b.yearsExperience!.min - a.yearsExperience!.min);
  if (!stated.length) return 'None of these postings states the years of experience it wants.';
  return `${roleName(stated[0]!)} asks for the most experience: ${yearsText(stated[0]!)}${stated.length > 1 ? `, against ${stated.slice(1).map(yearsText).join(', ')}` : ''}.`;
}

/** "how many remote roles?": the number, against every open role. */
function count(req: Request, ctx: AskContext, recall: Recall | null, thread: string[] | null): Answer {
  let q = req.query;
  // "how many are there?" after a question: that question's filters.
  if (isEmptyQuery(q) && recall && !thread) q = readRequest(recall.text, ctx.index.vocabulary()).query;
  else if (thread && isEmptyQuery(q)) q = amongIds(q, thread);
  const r = ctx.index.run(q, { limit: 0, now: ctx.now, words: 'rank' });
  // With words, the roles holding them all; words no role holds leave the count at the filters' (and say so).
  const n = q.words.length && (r.matchedWords || !describeFilters(q.filters).length) ? r.matchedWords : r.total;
  const total = ctx.index.openCount(ctx.now) || ctx.index.size;
  const what = [...describeFilters(q.filters), ...(q.words.length && (r.matchedWords || !describeFilters(q.filters).length) ? q.words : [])].join(' ');
  const parts: Part[] = [{ type: 'text', text: what ? `${plural(n, 'open role')} of ${total} ${n === 1 ? 'matches' : 'match'} “${what}”.` : `${plural(total, 'open role')} in all.` }];
  const notes = leftOutNotes(r);
  if (notes.length) parts.push({ type: 'note', text: sentences(notes) });
  return answer('count', what ? plural(n, 'role') : plural(total, 'open role'), parts, { leftOut: r.leftOut });
}

/** Who is hiring, and an overview of what is open: counts by company and work mode, the newest roles. */
function overview(req: Request, ctx: AskContext, thread: string[] | null): Answer {
  const q = thread ? amongIds(req.query, thread) : req.query;
  const limit = ctx.limit ?? PAGE;
  const r = ctx.index.run({ ...q, sort: 'newest' }, { limit, now: ctx.now, words: 'rank', facets: true });
  const facets = r.facets!;
  const companiesAsked = /\b(?:compan|firm|unternehmen|entreprise|societe|empresa|employer|arbeitgeber|hiring|stellt ein|recrut|contrat)/i.test(req.text);
  const parts: Part[] = [
    { type: 'list', title: 'By company', items: facets.companies.slice(0, 15).map(([c, n]) => `${c}: ${n}`), more: Math.max(0, facets.companies.length - 15) },
  ];
  if (!companiesAsked) {
    parts.push({ type: 'list', title: 'By work mode', items: facets.workModes.map(([m, n]) => `${m === 'onsite' ? 'On-site' : capitalise(m)}: ${n}`), more: 0 });
    parts.push({ type: 'roles', roles: r.hits.map((h) => toCard(h.posting, { now: ctx.now })) });
  }
  parts.push({ type: 'note', text: `${facets.withPay} of ${r.total} list pay. Ask “highest paying roles”, “remote roles”, or “compare the ${facets.companies[0]?.[0] ?? 'Acme'} roles”.` });
  const heading = companiesAsked ? `${plural(facets.companies.length, 'company', 'companies')} hiring for ${plural(r.total, 'role')}` : `${plural(r.total, 'open role')} at ${plural(facets.companies.length, 'company', 'companies')}`;
  return answer('hiring', heading, parts, { roleIds: companiesAsked ? [] : r.hits.map((h) => h.posting.id), leftOut: r.leftOut });
}

/** The newest roles (optionally filtered): by posting date, undated last. */
function listBy(req: Request, ctx: AskContext, sort: 'newest', thread: string[] | null): Answer {
  const base = thread ? amongIds(req.query, thread) : req.query;
  const q: ParsedQuery = { ...base, sort };
  const limit = ctx.limit ?? PAGE;
  const r = ctx.index.run(q, { limit, now: ctx.now, words: 'rank' });
  if (!r.total) {
    const days = q.filters.postedWithinDays;
    if (days !== null) return answer('newest', `No role was posted in the last ${plural(days, 'day')}`, [{ type: 'text', text: 'Ask for “newest roles” to see the most recent ones.' }, ...leftOutNotes(r).map((n) => ({ type: 'note' as const, text: `${capitalise(n)}.` }))], { leftOut: r.leftOut });
    return noMatch(req.text, r, ctx);
  }
  const parts: Part[] = [{ type: 'roles', roles: r.hits.map((h) => toCard(h.posting, { now: ctx.now })) }];
  const undated = r.hits.filter((h) => !h.posting.postedAt).length;
  const notes = leftOutNotes(r);
  if (undated) notes.push(`${plural(undated, 'shown role')} ${undated === 1 ? 'has' : 'have'} no posting date and ${undated === 1 ? 'comes' : 'come'} last`);
  if (notes.length) parts.push({ type: 'note', text: sentences(notes) });
  const what = describeFilters({ ...q.filters, postedWithinDays: null }).join(', ');
  return answer('newest', `Newest roles${what ? ` (${what})` : ''}: ${r.total} in all`, parts, { roleIds: r.hits.map((h) => h.posting.id), leftOut: r.leftOut });
}

function smalltalk(req: Request, ctx: AskContext): Answer {
  const thanks = /\b(?:thank|thx|ty|danke|merci|gracias|obrigad|cheers|valeu)/i.test(req.text);
  const bye = /\b(?:bye|goodbye|tsch|au revoir|adios|tchau)/i.test(req.text);
  const heading = thanks ? 'You’re welcome!' : bye ? 'Bye!' : 'Hi! I answer questions about open roles.';
  const ex = examples(ctx).slice(0, 3);
  return answer('smalltalk', heading, [{ type: 'text', text: `I know ${plural(ctx.index.size, 'open role')}. Try ${ex.map((e) => `“${e}”`).join(', ')} — or ask “what can you do?”.` }]);
}

/** Nothing understood: say so, show what was read, and how to ask. */
function fallback(req: Pick<Request, 'text' | 'query'>, ctx: AskContext): Answer {
  const understood = understoodLine(req.query);
  const parts: Part[] = [{ type: 'text', text: `I could not tell what to look for in “${req.text}”.${understood ? ` ${understood}` : ''}` }];
  parts.push({ type: 'list', title: 'You can ask, for example', items: examples(ctx).slice(0, 5), more: 0 });
  return answer('fallback', 'I am not sure what you are looking for', parts);
}

const METHODS = new Set(['Embeddings', 'Statistics', 'Microservices', 'NLP', 'LLM', 'REST', 'CI/CD']);

/** Example questions built from what is open now, so they always find something; worked out once per change. */
export function examples(ctx: AskContext): string[] {
  const kept = examplesFor.get(ctx.index);
  if (kept?.version === ctx.index.version) return kept.value;
  const value = buildExamples(ctx);
  examplesFor.set(ctx.index, { version: ctx.index.version, value });
  return value;
}

const examplesFor = new WeakMap<RoleIndex, { version: number; value: string[] }>();

function buildExamples(ctx: AskContext): string[] {
  const all = ctx.index.all();
  const companies = countBy(all.map((p) => p.company ?? '').filter(Boolean));
  const tool = (s: string): boolean => !/ /.test(s) && !METHODS.has(s);
  const skills = countBy(all.flatMap((p) => p.skills).filter(tool));
  const remoteSkills = countBy(all.filter((p) => p.workMode === 'remote').flatMap((p) => p.skills).filter(tool));
  const c = companies.find(([name]) => ctx.index.all().filter((p) => p.company === name).length === 1)?.[0] ?? companies[0]?.[0];
  const out: string[] = [];
  if (remoteSkills[0]) out.push(`remote ${remoteSkills[0][0].toLowerCase()}`);
  else if (all.some((p) => p.workMode === 'remote')) out.push('remote roles');
  if (c) out.push(`what does the ${c} role pay?`);
  if (skills[1]) out.push(`which roles need ${skills[1][0]}?`);
  if (companies.find(([, n]) => n > 1)) out.push(`compare the ${companies.find(([, n]) => n > 1)![0]} roles`);
  out.push('highest paying roles', 'which companies are hiring?');
  if (c) out.push(`requirements for the ${c} role`);
  return out;
}

export function help(ctx: AskContext): Answer {
  const ex = examples(ctx);
  return answer('help', 'Ask about open roles in plain words', [
    { type: 'text', text: `I know ${plural(ctx.index.size, 'open role')} at ${plural(ctx.index.companies().length, 'company', 'companies')}. Search with /jobs, or mention me with a question — in English, Deutsch, français, español or português. In a thread I remember the roles of my last answer: “is it remote?”, “compare them”, “the second one”.` },
    { type: 'list', title: 'Try', items: ex, more: 0 },
    { type: 'list', title: 'Questions I answer', items: ['pay: “what does the X role pay?”, “highest paying roles”, “lowest paying”', 'requirements and years: “what do I need for X?”, “how many years does X want?”', 'yes/no: “is the X role remote?”, “does X list pay?”', 'compare: “X vs Y”, “which pays more, X or Y?”', 'counts and overviews: “how many remote roles?”, “who’s hiring?”, “newest roles”'], more: 0 },
    { type: 'list', title: 'Filters for /jobs', items: ['remote, hybrid, onsite', 'a company: reddit, at reddit, company:reddit, -company:acme, not at acme', 'a level: junior, senior, staff, principal, lead (from the title, or the years asked for)', 'pay: 150k+, >150k, over €80k, under 60k, paid in euros, hourly, roles that don’t list pay', 'experience: under 3 years, 5+ years', 'a place: nyc, sf, london, Londres, München, europe, remote europe', 'a skill: python, go, pytorch, kubernetes; -word leaves a word out', 'posted this week, newest'], more: 0 },
  ]);
}

/** The full view of one role, for a Details button. */
export function details(id: string, ctx: AskContext): Answer | null {
  const p = ctx.index.get(id);
  return p ? requirementsOf(p, true) : null;
}
