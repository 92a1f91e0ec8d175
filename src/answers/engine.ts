// Questions in plain words → Answers. Recognises the intent, resolves references to roles, and says what it cannot find.
import { annualTopUSD, USD_PER_UNIT, type Posting } from '../postings/index.ts';
import type { RoleIndex, SearchResult } from '../search/index.ts';
import { describeFilters, parseQuery, type ParsedQuery } from '../search/query.ts';
import { collate, topK } from '../search/sorted.ts';
import { countBy, newest } from './tally.ts';
import { keyRequirements, locationLine, payLine, payNote, roleName, seniorityLabel, toCard, workModeLine } from './cards.ts';
import { plainText } from './mentions.ts';
import type { Answer, Intent, Part } from './types.ts';

export interface AskContext {
  index: RoleIndex;
  now?: Date;
  /** Cards per page. */
  limit?: number;
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

/** Words that ask, not search: removed before a reference or query is read. */
const QUESTION_WORDS = /\b(what|whats|what's|which|who|how|does|do|did|is|are|was|were|can|could|would|should|will|i|me|my|we|you|tell|show|give|list|find|get|please|about|the|a|an|one|ones|role|roles|job|jobs|position|positions|opening|openings|posting|postings|for|of|there|any|anything|open|currently|right now|pay|pays|paying|paid|salary|salaries|compensation|comp|offer|offers|offered|range|ranges|money|earn|requirements?|required|require|requires|requiring|qualifications?|need|needs|needed|to|it|its|apply|take|full|all|complete|list|details?|detail|much|compare|comparison|versus|vs|between|and|with|listed|list|lists|listing|state|states|stated|have|has|highest|lowest|best|top|most|many|companies|company|hiring|available|sorted|by|should|much|that|this|these|those)\b/gi;

/** The query left once the question's own words are gone: "how many remote roles?" → "remote". */
function residual(text: string, ctx: AskContext): ParsedQuery {
  const rest = text.replace(/[?!.,]/g, ' ').replace(QUESTION_WORDS, ' ').replace(/\s+/g, ' ').trim();
  return parseQuery(rest, { companies: ctx.index.companies() });
}

function intentOf(text: string, q: ParsedQuery): Intent {
  const t = text.toLowerCase();
  if (!t || /^(help|\?|hi|hello|hey|what can you do\??|how does this work\??|usage|commands?)$/.test(t)) return 'help';
  if (/\b(compare|comparison|versus|vs\.?|difference between|side by side)\b/.test(t)) return 'compare';
  if (/\b(how many|which companies|what companies|companies (are )?hiring|who is hiring|who'?s hiring|overview|stats|statistics|what roles are (open|there)|what'?s open|what is open|list (all|every)|all (open )?roles)\b/.test(t)) return 'overview';
  if (/\b(pay|pays|paying|paid|salary|salaries|compensation|comp|how much|earn|money|highest|best paid|top paying)\b/.test(t) || (q.filters.payFloor && !q.words.length && !q.filters.skills.length)) return 'pay';
  if (q.filters.skills.length && /\b(need|needs|require|requires|requiring|use|uses|using|with|know|skill|skills|stack|written in)\b/.test(t)) return 'skills';
  if (/\b(requirements?|qualifications?|what do i need|what does it take|what'?s needed|what is needed|must[- ]haves?|how many years|experience (needed|required)|need for|required for)\b/.test(t)) return 'requirements';
  return 'find';
}

/** Answers a question or a query typed in plain words. */
export function ask(input: string, ctx: AskContext): Answer {
  const text = plainText(input);
  const q = parseQuery(text, { companies: ctx.index.companies() });
  const intent = intentOf(text, q);
  switch (intent) {
    case 'help':
      return help(ctx);
    case 'compare':
      return compare(text, ctx);
    case 'overview':
      return overview(text, residual(text, ctx), ctx);
    case 'pay':
      return pay(text, residual(text, ctx), ctx);
    case 'requirements':
      return requirements(text, ctx);
    case 'skills':
    case 'find':
    default:
      return find(text, ctx, 0, intent);
  }
}

/** A page of roles for a query: the slash command, "More", and questions that are really searches. */
export function find(queryText: string, ctx: AskContext, offset = 0, intent: Intent = 'find'): Answer {
  const text = plainText(queryText);
  if (!text) return help(ctx);
  const limit = ctx.limit ?? PAGE;
  const r = ctx.index.search(text, { limit, offset, now: ctx.now });
  if (!r.total) return noMatch(text, r, ctx);
  if (!r.hits.length) return answer(intent, `That was all ${plural(r.total, 'role')} matching “${text}”`, [{ type: 'text', text: 'There are no more results. Search again with other words to see different roles.' }]);
  const filters = describeFilters(r.query.filters);
  const cards = r.hits.map((h) => toCard(h.posting, { hit: h, filters, now: ctx.now, prefer: r.query.filters.skills }));
  const parts: Part[] = [{ type: 'roles', roles: cards }];
  const notes = [...r.query.readings, ...r.notes, ...leftOutNotes(r)];
  if (notes.length) parts.push({ type: 'note', text: sentences(notes) });
  const shown = `${offset + 1}–${offset + r.hits.length}`;
  const heading = `${plural(r.total, 'role')} ${r.total === 1 ? 'matches' : 'match'} “${text}”${r.total > r.hits.length ? ` (showing ${shown})` : ''}`;
  return answer(intent, heading, parts, {
    paging: { query: text, offset, limit, total: r.total },
    leftOut: r.leftOut,
    roleIds: r.hits.map((h) => h.posting.id),
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
  const notes = leftOutNotes(r);
  if (notes.length) parts.push({ type: 'note', text: sentences(notes) });
  if (!s?.relaxed && !s?.terms.length) parts.push({ type: 'text', text: `Try one of: ${examples(ctx).slice(0, 3).map((e) => `“${e}”`).join(', ')}.` });
  return answer('none', `No roles match “${text}”`, parts, { leftOut: r.leftOut });
}

/** Resolves "the beehiiv role", "the Reddit feed role", "the staff one" to roles. */
export function resolve(text: string, ctx: AskContext): { roles: Posting[]; exact: boolean; query: string } {
  const rest = text.replace(/[?!.,]/g, ' ').replace(QUESTION_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (!rest) return { roles: [], exact: false, query: '' };
  const r = ctx.index.search(rest, { limit: 50, now: ctx.now });
  let hits = r.hits;
  if (hits.length > 1 && hits[0]!.score > 0 && hits[0]!.score >= 2 * hits[1]!.score) hits = [hits[0]!];
  // "the feed relevance job": the one role whose name holds every word beats roles that mention them in passing.
  const named = hits.filter((h) => r.query.words.length > 0 && h.nameTerms >= r.query.words.length);
  if (hits.length > 1 && named.length === 1) hits = named;
  // "the staff one": an exact level beats a broader one ("staff" also finds senior staff).
  const levels = r.query.filters.seniorities;
  if (hits.length > 1 && levels.length > 1) {
    const exact = hits.filter((h) => h.posting.seniority === levels[0]);
    if (exact.length === 1) hits = exact;
  }
  return { roles: hits.map((h) => h.posting), exact: hits.length === 1, query: rest };
}

function whichOne(roles: Posting[], intent: Intent): Answer {
  const shown = roles.slice(0, 8);
  const level = shown[0]!.seniority ? seniorityLabel(shown[0]!.seniority).toLowerCase() : '';
  return answer('clarify', `${plural(roles.length, 'role')} fit — which one do you mean?`, [
    { type: 'list', title: 'Roles that fit', items: shown.map((p) => `${roleName(p)} (${workModeLine(p)}, ${locationLine(p)})`), more: roles.length - shown.length },
    { type: 'text', text: `Ask again naming the company or level, e.g. “${intent === 'pay' ? 'what does' : 'requirements for'} the ${shown[0]!.company ?? ''} ${level} role”.`.replace(/\s+/g, ' ') },
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

function pay(text: string, q: ParsedQuery, ctx: AskContext): Answer {
  const t = text.toLowerCase();
  const ranked = /\b(highest|best paid|top paying|most|best paying|sorted by pay|by salary)\b/.test(t);
  const listing = /\b(which|what) (roles|jobs|positions)\b.*\b(list|state|show|have|include|mention)\b/.test(t) || /\broles (with|that list|listing) (a )?(salary|pay)\b/.test(t);
  const f = q.filters;
  if (!ranked && !listing && !f.payFloor) {
    const ref = resolve(text, ctx);
    if (ref.query && ref.roles.length === 0) return notFound(ref.query, ctx);
    if (ref.roles.length > 1 && ref.roles.length <= 10) return whichOne(ref.roles, 'pay');
    if (ref.roles.length === 1) return payOf(ref.roles[0]!);
  }
  // A list of roles with pay, highest first.
  const r = ctx.index.run(q, { limit: 1, now: ctx.now });
  const all = ctx.index.matching(q, ctx.now);
  const withPay = all.filter((p) => p.salaries.length);
  if (!withPay.length && f.payFloor) return noMatch(text, r, ctx);
  const without = all.length - withPay.length;
  const limit = ctx.limit ?? PAGE;
  const show = ranked ? limit : Math.max(limit, 10);
  // Only the shown roles need sorting: at 100k roles a full sort is most of the answer's time.
  const pay = new Map(withPay.map((p) => [p.id, top(p)]));
  const shown = topK(withPay, show, (a, b) => pay.get(b.id)! - pay.get(a.id)! || collate(a.title ?? '', b.title ?? '')).slice(0, show);
  const parts: Part[] = [];
  if (!shown.length) parts.push({ type: 'text', text: f.payFloor ? 'No role states pay at or above that.' : 'None of these roles states its pay.' });
  else parts.push({ type: 'roles', roles: shown.map((p) => toCard(p, { now: ctx.now })) });
  const notes: string[] = [];
  if (without && !f.payFloor) notes.push(`${plural(without, 'role')} ${without === 1 ? 'does' : 'do'} not list pay`);
  notes.push(...leftOutNotes(r));
  if (withPay.some((p) => p.salaries.some((s) => s.currency !== 'USD'))) notes.push(`pay in other currencies is ranked at fixed rates (${Object.entries(USD_PER_UNIT).filter(([c]) => withPay.some((p) => p.salary?.currency === c) && c !== 'USD').map(([c, v]) => `1 ${c} ≈ $${v}`).join(', ')})`);
  notes.push('hourly, daily and monthly pay is ranked by its annual equivalent');
  parts.push({ type: 'note', text: sentences(notes) });
  const heading = f.payFloor
    ? `${plural(withPay.length, 'role')} pay ${describeFilters({ ...f, workModes: [], companies: [], excludeCompanies: [], seniorities: [], places: [], skills: [] })[0]?.replace('paying ', '') ?? 'above that'}`
    : ranked ? `Highest paying roles (${withPay.length} of ${all.length} list pay)` : `${plural(withPay.length, 'role')} of ${all.length} list a salary`;
  return answer('pay', heading, parts, { roleIds: shown.map((p) => p.id), leftOut: r.leftOut });
}

function top(p: Posting): number {
  return Math.max(0, ...p.salaries.map((s) => annualTopUSD(s) ?? 0));
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

function requirements(text: string, ctx: AskContext): Answer {
  const ref = resolve(text, ctx);
  if (!ref.query) return answer('requirements', 'Which role?', [{ type: 'text', text: `Name a role, e.g. “requirements for the ${ctx.index.companies()[0] ?? 'Acme'} role”.` }]);
  if (!ref.roles.length) return notFound(ref.query, ctx);
  if (ref.roles.length > 1) return whichOne(ref.roles, 'requirements');
  const full = /\b(full|all|complete|every|entire)\b/i.test(text);
  return requirementsOf(ref.roles[0]!, full);
}

/** Years, must-haves, nice-to-haves and education; the full lists when asked (or for the Details view). */
export function requirementsOf(p: Posting, full: boolean): Answer {
  const facts: Array<[string, string]> = [];
  facts.push(['Experience', p.yearsExperience ? `${p.yearsExperience.min}${p.yearsExperience.max === null ? '+' : p.yearsExperience.max !== p.yearsExperience.min ? `–${p.yearsExperience.max}` : ''} years` : 'Not stated']);
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

function compare(text: string, ctx: AskContext): Answer {
  const sides = text.split(/\s+(?:vs\.?|versus|and|or|against|with)\s+|\s*,\s*/i).map((s) => s.trim()).filter(Boolean);
  let roles: Posting[] = [];
  if (sides.length >= 2 && /\b(vs\.?|versus|against)\b/i.test(text)) {
    // "patreon senior vs senior staff": the second side borrows the first side's company when it names none.
    const first = resolve(sides[0]!.replace(/\bcompare\b/i, ''), ctx);
    const company = first.roles[0]?.company;
    for (const [i, side] of sides.entries()) {
      let r = i === 0 ? first : resolve(side, ctx);
      if (company && i > 0 && !ctx.index.companies().some((c) => side.toLowerCase().includes(c.toLowerCase()))) {
        const scoped = resolve(`${side} at ${company}`, ctx);
        if (scoped.roles.length) r = scoped;
      }
      const pick = r.roles.find((p) => !roles.includes(p));
      if (pick) roles.push(pick);
    }
  } else {
    const ref = resolve(text.replace(/\b(compare|comparison|side by side|difference between)\b/gi, ' '), ctx);
    roles = ref.roles;
    if (!ref.query) roles = ctx.index.all();
  }
  roles = roles.slice(0, 5);
  if (roles.length < 2) {
    return answer('compare', 'Nothing to compare', [{ type: 'text', text: roles.length ? `Only one role fits: ${roleName(roles[0]!)}. Name two or more, e.g. “compare ${roles[0]!.company ?? ''} senior vs staff”.` : 'No roles fit that. Try “compare the Reddit roles”.' }]);
  }
  const cards = roles.map((p) => toCard(p, { now: ctx.now }));
  const yrs = (p: Posting): string => (p.yearsExperience ? `${p.yearsExperience.min}${p.yearsExperience.max === null ? '+' : p.yearsExperience.max !== p.yearsExperience.min ? `–${p.yearsExperience.max}` : ''}` : 'Not stated');
  const rows = [
    { label: 'Company', values: roles.map((p) => p.company ?? 'Not stated') },
    { label: 'Seniority', values: roles.map((p) => seniorityLabel(p.seniority)) },
    { label: 'Location', values: roles.map(locationLine) },
    { label: 'Work mode', values: roles.map(workModeLine) },
    { label: 'Pay', values: roles.map(payLine) },
    { label: 'Years', values: roles.map(yrs) },
    { label: 'Top skills', values: roles.map((p) => p.skills.slice(0, 5).join(', ') || 'None named') },
  ];
  return answer('compare', `Comparing ${plural(roles.length, 'role')}`, [{ type: 'compare', roles: cards, rows }], { roleIds: roles.map((p) => p.id) });
}

function overview(text: string, q: ParsedQuery, ctx: AskContext): Answer {
  const t = text.toLowerCase();
  const r = ctx.index.run(q, { limit: 1, now: ctx.now });
  const roles = ctx.index.matching(q, ctx.now);
  const filtered = describeFilters(q.filters).length > 0 || q.words.length > 0;
  const byCompany = countBy(roles.map((p) => p.company ?? 'Company not stated'));
  const byMode = countBy(roles.map((p) => (p.workMode ? workModeLine({ ...p, remoteRegions: [] }) : 'Not stated')));
  if (/\bhow many\b/.test(t) && filtered) {
    const total = ctx.index.openCount(ctx.now) || ctx.index.size;
    const parts: Part[] = [{ type: 'text', text: `${plural(roles.length, 'open role')} of ${total} ${roles.length === 1 ? 'matches' : 'match'} “${describeFilters(q.filters).concat(q.words).join(' ')}”.` }];
    const notes = leftOutNotes(r);
    if (notes.length) parts.push({ type: 'note', text: sentences(notes) });
    return answer('overview', `${plural(roles.length, 'role')}`, parts, { leftOut: r.leftOut });
  }
  const parts: Part[] = [
    { type: 'list', title: 'By company', items: byCompany.slice(0, 15).map(([c, n]) => `${c}: ${n}`), more: Math.max(0, byCompany.length - 15) },
  ];
  if (!/\bcompan/.test(t)) {
    parts.push({ type: 'list', title: 'By work mode', items: byMode.map(([m, n]) => `${m}: ${n}`), more: 0 });
    parts.push({ type: 'roles', roles: newest(roles, ctx.limit ?? PAGE).map((p) => toCard(p, { now: ctx.now })) });
  }
  const withPay = roles.filter((p) => p.salaries.length).length;
  parts.push({ type: 'note', text: `${withPay} of ${roles.length} list pay. Ask “highest paying roles”, “remote roles”, or “compare the ${byCompany[0]?.[0] ?? 'Acme'} roles”.` });
  const heading = /\bcompan/.test(t) ? `${plural(byCompany.length, 'company', 'companies')} hiring for ${plural(roles.length, 'role')}` : `${plural(roles.length, 'open role')} at ${plural(byCompany.length, 'company', 'companies')}`;
  return answer('overview', heading, parts, { roleIds: roles.slice(0, ctx.limit ?? PAGE).map((p) => p.id) });
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
  const c = companies[0]?.[0];
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
    { type: 'text', text: `I know ${plural(ctx.index.size, 'open role')} at ${plural(ctx.index.companies().length, 'company', 'companies')}. Search with /jobs, or mention me with a question.` },
    { type: 'list', title: 'Try', items: ex, more: 0 },
    { type: 'list', title: 'Filters for /jobs', items: ['remote, hybrid, onsite', 'a company: reddit, at reddit, company:reddit, -company:acme, not at acme', 'a level: junior, senior, staff, principal, lead', 'pay: 150k+, >150k, over €80k, salary:150k', 'a place: nyc, sf, london, europe, remote europe', 'a skill: python, go, pytorch, kubernetes; -word leaves a word out'], more: 0 },
  ]);
}

/** The full view of one role, for a Details button. */
export function details(id: string, ctx: AskContext): Answer | null {
  const p = ctx.index.get(id);
  return p ? requirementsOf(p, true) : null;
}
