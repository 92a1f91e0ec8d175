// A question read once into one structured request: what kind of answer it wants, the filters and words it
// searches with, the role(s) it refers to, what a yes/no question asks about, and whether it follows up on the
// previous answer. Every answer is built from this; nothing reads the question's text again.
import { fold, type PayPeriod, type Seniority, type WorkMode } from '../postings/index.ts';
import { emptyFilters, isEmptyQuery, parseQuery, type ParsedQuery, type PayFloor, type Vocabulary } from '../search/query.ts';
import { plainText } from './mentions.ts';
import type { Intent } from './types.ts';

/** What a yes/no question asks about a role. */
export type Asked =
  | { field: 'workMode'; value: WorkMode }
  | { field: 'place'; value: string }
  | { field: 'payAtLeast'; value: PayFloor }
  | { field: 'listsPay' }
  | { field: 'skill'; value: string }
  | { field: 'years'; value: number }
  | { field: 'level'; value: Seniority[] }
  | { field: 'period'; value: PayPeriod };

export interface Request {
  /** The question as plain text. */
  text: string;
  intent: Intent;
  /** The whole question as a search: filters, order and the words left once the question's own words are gone. */
  query: ParsedQuery;
  /** Compare: each side of "A vs B", "A or B", "A and B", when the question names two or more. */
  sides: ParsedQuery[];
  /** Yes/no: the property asked about (kept out of `query`, which then names the role). */
  asked: Asked | null;
  /** A follow-up: "the second one" (1-based), or a reference to the previous answer's roles ("it", "them"). */
  ordinal: number | null;
  previous: boolean;
  /** The question carries no intent of its own ("and the Cartus one?"): it repeats the previous answer's kind. */
  bare: boolean;
  /** "full requirements", "all details". */
  full: boolean;
  /** Pay of several roles ("highest paying roles", "what do data jobs pay") rather than of one. */
  list: boolean;
}

// Patterns over the folded text (lowercase, no accents, apostrophes straight). Each is an alternation of plain words.
const GREETING = /^(?:hi|hello|hey|hiya|yo|howdy|sup|wassup|whats up|what'?s up|what is up|hallo|servus|moin|gruss gott|guten (?:morgen|tag|abend)|bonjour|bonsoir|salut|coucou|hola|buenas|buenos dias|buenas tardes|ola|oi|bom dia|boa tarde|boa noite|good (?:morning|afternoon|evening)|thanks?|thank you|thx|ty|cheers|danke|vielen dank|merci|merci beaucoup|gracias|muchas gracias|obrigad[oa]|valeu|ok|okay|cool|great|nice|awesome|perfect|bye|goodbye|tschuss|au revoir|adios|tchau)(?: (?:there|all|everyone|team|bot|openroles|so much|a lot|you|dir|dich|euch|vous|toi|te|tu|voce|a (?:vous|toi|tous|todos|ti|usted|voce)|tudo bem|como estas|como vai|ca va|wie geht'?s|how are you))*$/;
const HELP = /^(?:help|hilfe|aide|ayuda|ajuda|usage|commands?|menu|\?)$|\b(?:what can you do|what do you do|how do(?:es)? (?:this|it|i use)|how (?:can|do) i use|what can i ask|what (?:should|can) i (?:ask|type)|was kannst du|wie funktioniert|was machst du|qu'?est-ce que tu (?:sais|peux) faire|que (?:sais|peux)-tu faire|comment (?:ca marche|t'utiliser)|que puedes hacer|que sabes hacer|como funciona|o que (?:voce|tu) (?:faz|pode fazer|sabe fazer)|como (?:te )?uso)\b/;
const YEARS_WORDS = /\b(?:years?|yrs?|yoe|jahre?n?|ans|annees?|anos|experience|exp|erfahrung|berufserfahrung|experiencia)\b/;
const YEARS_Q = /\b(?:how many|how much|how long|wie viele?|wieviele?|wie lange|wie viel|combien|cuant[oa]s|cuanta|quant[oa]s|quanta|what|which|welche|quelle?s?|que|qual)\b/;
const COMPARE = /\b(?:compare|comparison|compar(?:er|a|ar|e)|vergleich\w*|versus|vs|side by side|difference between|differences|unterschied\w*|diferencias?|diferencas?|which (?:one |role |job )?(?:pays?|is paid|earns?) (?:more|better|less|the most)|which (?:one |role |job )?(?:needs|asks|requires|wants|demands) (?:more|less)|which (?:one )?is (?:better|higher paid)|welche[rs]? (?:zahlt|bezahlt) (?:mehr|besser)|lequel (?:paie|paye) (?:le )?(?:plus|mieux)|cual paga mas|qual paga mais)\b/;
const COMPANIES = /\b(?:compan(?:y|ies)|firms|employers|firmen|unternehmen|arbeitgeber|entreprises|societes|empresas|employeurs|empleadores)\b/;
const COUNT = /\b(?:how many|number of|count of|wie viele|wieviele|anzahl|combien (?:de|d')|cuant[oa]s|quant[oa]s|quantidade)\b/;
/** An overview of everything open; with a company or words named it is a search ("what's open at Patreon"). */
const OVERVIEW = /\b(?:what roles are (?:open|there)|what'?s open|what is open|overview|stats|statistics|list (?:all|every)|all (?:open )?roles)\b/;
const HIRING = /\b(?:who'?s hiring|who is hiring|whos hiring|who are hiring|who hires|which compan(?:y|ies)|what compan(?:y|ies)|compan(?:y|ies) (?:are |is )?hiring|compan(?:y|ies) with|employers|wer stellt ein|welche (?:firmen|unternehmen|arbeitgeber)|quelles? (?:entreprises?|societes?)|qui recrute|que empresas|quienes contratan|quien contrata|quais (?:as )?empresas|quem (?:esta )?contrat(?:a|ando))\b/;
const REQUIREMENTS = /\b(?:requirements?|requirments?|requirement|reqs|qualifications?|what do i need|what would i need|what does it take|prerequisites?|must[- ]haves?|what'?s needed|what is needed|what is required|anforderungen|voraussetzungen|qualifikationen|prerequis|exigences|competences requises|profil recherche|requisitos?|requerimientos|pre-?requisitos)\b/;
const SKILLS_OF = /\b(?:what|which|welche|quelles?|que|quais|cuales) (?:skills|tech|technologies|technologien|stack|tools|kenntnisse|competences|habilidades|tecnologias|ferramentas)\b|\b(?:skills|tech stack) (?:for|of|needed|required|does)\b/;
const PAY = /\b(?:pay|pays|paying|paid|salary|salaries|compensation|comp|how much|earn|earns|wage|wages|rate|gehalt|verdienst|verdient|verdienen|zahlt|bezahlt|bezahlung|lohn|salaire|paie|paye|remuneration|combien|salario|sueldo|paga|pagan|pagado|cuanto|remuneracion|quanto|pagam|remuneracao|ganha)\b/;
const FULL = /\b(?:full|all|complete|every|entire|alle|vollstandige?n?|toutes?|completo|completa|todos|todas)\b/;
const LEADING = /^(?:and|also|so|ok|okay|then|und|also|et|alors|y|entonces|e|entao)\b\s*/;
const WHAT_ABOUT = /^(?:what about|how about|and|und|was ist mit|et|et pour|y|que tal|y el|y la|e|e a|e o|e quanto a)\b/;
const ORDINALS: Array<[RegExp, number]> = [
  [/\b(?:first|1st|erste[nrms]?|premier|premiere|primer[oa]?|primeir[oa])\b/, 1],
  [/\b(?:second|2nd|zweite[nrms]?|deuxieme|seconde?|segund[oa])\b/, 2],
  [/\b(?:third|3rd|dritte[nrms]?|troisieme|tercer[oa]?|terceir[oa])\b/, 3],
  [/\b(?:fourth|4th|vierte[nrms]?|quatrieme|cuart[oa]|quart[oa])\b/, 4],
  [/\b(?:fifth|5th|funfte[nrms]?|cinquieme|quint[oa])\b/, 5],
  [/\b(?:last|letzte[nrms]?|dernier|derniere|ultim[oa])\b/, -1],
];
const PRONOUN = /\b(?:it|its|this one|that one|this role|that role|this job|that job|they|them|those|these|those roles|both|the ones|es|sie|diese[nrs]?|il|elle|ce poste|celui-ci|ceux-ci|ceux|eux|ellos|esos|esas|estos|estas|ese|eso|isso|essa|esse|essas|esses|eles|elas|ambos|beide)\b/;
/** Opening words of a yes/no question; "is there", "gibt es", "hay", "tem vaga" ask for a search instead. */
const YESNO_START = /^(?:is|are|does|do|did|can|could|will|would|has|have|ist|ist es|sind|c'est|c est|est-il|est-elle|kann|konnen|hat|haben|bietet|erlaubt|braucht|muss|darf|zahlt|est-ce que|est ce que|peut-on|le poste|la poste|l'offre|ce poste|cette offre|el (?:trabajo|puesto|empleo)|la (?:vaga|oferta)|el|es|esta|se puede|tiene|permite|requiere|necesita|a vaga|o cargo|o trabalho|a|o|e|da pra|paga|exige|precisa)\b/;
/**
 * Openings of a question about the world rather than roles ("what is the meaning of life", "tell me a joke", "wer
 * hat … gewonnen", "cuál es la capital"): with no filter and no word for a role, such a question is not searched.
 */
const WORLD_Q = /^(?:what(?: i|')?s|what are|what was|whats|who (?:is|was|won|are|invented|wrote|made)|when|where is|where are|why|tell me (?:a|an|something|about (?:you|yourself))|how (?:is|are|old|far|tall|big|long)|do you (?:like|know|think)|what do you think|wer|wann|warum|wieso|was ist|was sind|wo ist|erzahl mir|qu'est-ce que|qu'est ce que|qui (?:est|a)|quand|pourquoi|quel est|quelle est|raconte|cual es|cuales son|quien|cuando|donde esta|por que|que es|cuentame|o que e|quem|quando|onde fica|qual e|conta)\b/;
const EXISTENTIAL = /^(?:is there|are there|do you have|does anyone|do we have|is anyone|are any|any|gibt es|gibts|gibt's|y a-t-il|il y a|hay|tem|tem vaga|existe|existen|existem|ha)\b/;
const YESNO_VERB = /\b(?:is|are|does|do|can|will|ist|sind|kann|est|est-il|est-elle|es|esta|tiene|permite|paga|e|esta|tem|requires?|allows?|offers?|needs?|pays?|lists?)\b|\bé\b/;
/** Plural nouns for roles: "what do data jobs pay" asks about several. */
const PLURAL_ROLES = /\b(?:roles|jobs|positions|openings|postings|vacancies|gigs|stellen|positionen|postes|offres|emplois|trabajos|empleos|puestos|ofertas|vacantes|vagas|empregos|cargos|oportunidades|ones)\b/;

/** The question's own words: they say what kind of answer is wanted and are never searched for. */
const QUESTION_WORDS = new Set(
  'pay pays paying paid salary salaries compensation comp earn earns earning wage wages rate rates money range ranges much many number count gehalt verdienst verdient verdienen zahlt zahlen bezahlt bezahlung lohn salaire salaires paie paye payes remuneration combien salario salarios sueldo sueldos paga pagan pagado pagados cuanto cuanta cuantos cuantas quanto quanta quantos quantas pagam remuneracao ganha ganhar compare comparison comparar compara compares vergleiche vergleich vergleichen versus vs side difference differences unterschied diferencia diferenca more less better most least mehr besser plus mieux mas mais requirement requirements requirments reqs qualification qualifications prerequisite prerequisites need needed required take takes anforderungen voraussetzungen qualifikationen prerequis exigences requisito requisitos requerimientos skill skills tech stack tools technologies kenntnisse competences habilidades tecnologias experience exp years year yrs yr yoe erfahrung berufserfahrung experiencia experiences annees ans anos jahre jahren hiring hire hires hired recruit recruits recruiting recrute recrutent recrutez recrutement embauche embauchent contratando contratan contrata contratam contratam einstellen stellt ein companies company firms firmen unternehmen entreprises empresas employers arbeitgeber stellt ein newest latest recent neueste neuesten recentes recientes ultimas posted allow allows allowed offer offers permit permits permite erlaubt possible moglich possivel full complete details detail info information tell about overview stats statistics first second third fourth fifth last 1st 2nd 3rd 4th 5th erste zweite dritte premier premiere deuxieme troisieme primero primera segundo segunda tercero tercera primeiro primeira terceiro terceira also other same side-by-side which one ones those these them it they this that role job posting thing want wants ask asks asking demand demands require requires requiring lists list listed state stated states mention mentions say says welche quels quelles quel cual cuales qual quais hours hour'.split(' '),
);

const isQuestionWord = (w: string): boolean => QUESTION_WORDS.has(w);

/** Reads a question (Slack markup allowed) into a request. */
export function readRequest(input: string, vocab: Vocabulary): Request {
  const text = plainText(input);
  const t = fold(text).replace(/[¿¡?!.,;:()"“”]+/g, ' ').replace(/\s+/g, ' ').trim();
  const query = parseQuery(text, vocab, { ignore: isQuestionWord });
  const req: Request = { text, intent: 'find', query, sides: [], asked: null, ordinal: null, previous: false, bare: false, full: FULL.test(t), list: false };
  if (!t) return { ...req, intent: 'help' };
  if (GREETING.test(t)) return { ...req, intent: 'smalltalk' };
  if (HELP.test(t)) return { ...req, intent: 'help' };

  for (const [re, n] of ORDINALS) if (re.test(t) && !/\b(?:first|erste)\s+(?:job|role|time)\b/.test(t.replace(/\b(?:the|my)\b/g, ''))) req.ordinal = n;
  if (/\b(?:last|past) \d+ days\b|\blast (?:week|month)\b/.test(t) && req.ordinal === -1) req.ordinal = null;
  const stripped = t.replace(LEADING, '');
  req.previous = PRONOUN.test(stripped) || req.ordinal !== null;

  const f = query.filters;
  const yesno = YESNO_START.test(stripped) && !EXISTENTIAL.test(stripped) && YESNO_VERB.test(stripped + ' ' + text.toLowerCase());
  if (yesno) {
    const asked = askedAfterRole(t, query, vocab);
    // With nothing else named, "is it remote?" is about the previous answer's role.
    if (asked && (refersToRole(query, asked) || req.previous || isEmptyQuery(withoutAsked(query, asked)))) return { ...req, intent: 'yesno', asked, query: withoutAsked(query, asked) };
  }
  if (YEARS_WORDS.test(t) && f.yearsMax === null && f.yearsMin === null && (YEARS_Q.test(t) || /\b(?:years?|yrs) (?:of )?(?:experience|exp)\b|\bexperience (?:needed|required|for)\b/.test(t)) && !COMPARE.test(t)) {
    return { ...req, intent: 'years' };
  }
  if (COMPARE.test(t)) return { ...req, intent: 'compare', sides: sidesOf(text, vocab) };
  // "how many companies are hiring?" counts companies: the who's-hiring answer states it.
  if (COUNT.test(t) && COMPANIES.test(t)) return { ...req, intent: 'hiring' };
  if (COUNT.test(t)) return { ...req, intent: 'count' };
  if (HIRING.test(t) || (OVERVIEW.test(t) && !namesSomething(query))) return { ...req, intent: 'hiring' };
  if (REQUIREMENTS.test(t)) return { ...req, intent: 'requirements' };
  if (SKILLS_OF.test(t) && !f.skills.length) return { ...req, intent: 'skills' };
  if (query.sort === 'pay-desc' || query.sort === 'pay-asc') return { ...req, intent: 'pay', list: true };
  if (PAY.test(t)) {
    const payFilters = f.payFloor || f.payCeiling || f.currencies.length || f.periods.length || f.listsPay !== null;
    return { ...req, intent: 'pay', list: Boolean(payFilters) || (PLURAL_ROLES.test(t) && !req.previous) };
  }
  // "roles over 150k", "jobs under 60k": a pay question without the word.
  if (f.payFloor || f.payCeiling) return { ...req, intent: 'pay', list: true };
  if (query.sort === 'newest' || f.postedWithinDays !== null) return { ...req, intent: 'newest' };
  if (f.skills.length && /\b(?:need|needs|require|requires|requiring|use|uses|using|with|know|skill|skills|stack|written in|mit|avec|con|com)\b/.test(t)) return { ...req, intent: 'skills' };
  // "and the Cartus one?", "what about Sobi?": no kind of its own, so the previous answer's kind.
  if (WHAT_ABOUT.test(t)) req.bare = true;
  if (isEmptyQuery(query) && !req.previous) return { ...req, intent: 'fallback' };
  if (!req.previous && !req.bare && WORLD_Q.test(stripped) && !PLURAL_ROLES.test(t) && !ROLE_NOUN.test(t) && !hasFilter(query)) return { ...req, intent: 'fallback' };
  return req;
}

/** The singular words for a role: "tell me about the Stripe job" is about roles. */
const ROLE_NOUN = /\b(?:role|job|position|opening|posting|vacancy|gig|stelle|position|poste|offre|emploi|trabajo|empleo|puesto|oferta|vacante|vaga|emprego|cargo)\b/;

/** Whether a query sets any filter (company, place, mode, pay, level, skill …), words aside. */
function hasFilter(q: ParsedQuery): boolean {
  return !isEmptyQuery({ ...q, words: [], excludedWords: [] });
}

/** Whether a query names a company, words or any filter. */
function namesSomething(q: ParsedQuery): boolean {
  return !isEmptyQuery(q);
}

/**
 * Where a yes/no question names its role with a noun, the words before the noun describe the role and the words after
 * it ask: "is the Python role in London?" asks about London, "is the SQL DBA job full time?" asks nothing about SQL.
 */
function askedAfterRole(t: string, query: ParsedQuery, vocab: Vocabulary): Asked | null {
  const asked = askedOf(query);
  if (!asked || (asked.field !== 'skill' && asked.field !== 'place' && asked.field !== 'level')) return asked;
  const noun = ROLE_NOUN.exec(t) ?? PLURAL_ROLES.exec(t);
  if (!noun) return asked;
  return askedOf(parseQuery(t.slice(noun.index + noun[0].length), vocab, { ignore: isQuestionWord }));
}

/** The property a yes/no question asks about, read from the filters it wrote. */
function askedOf(q: ParsedQuery): Asked | null {
  const f = q.filters;
  if (f.workModes.length) return { field: 'workMode', value: f.workModes[0]! };
  if (f.listsPay === true) return { field: 'listsPay' };
  if (f.payFloor) return { field: 'payAtLeast', value: f.payFloor };
  if (f.yearsMax !== null) return { field: 'years', value: f.yearsMax };
  if (f.yearsMin !== null) return { field: 'years', value: f.yearsMin };
  if (f.periods.length) return { field: 'period', value: f.periods[0]! };
  if (f.skills.length) return { field: 'skill', value: f.skills[0]! };
  if (f.places.length) return { field: 'place', value: f.places[0]! };
  if (f.seniorities.length) return { field: 'level', value: f.seniorities };
  return null;
}

/** Whether the rest of a yes/no question names a role: a company, or words (the asked property aside). */
function refersToRole(q: ParsedQuery, asked: Asked): boolean {
  const rest = withoutAsked(q, asked);
  return rest.filters.companies.length > 0 || rest.words.length > 0 || rest.filters.places.length > 0 || rest.filters.seniorities.length > 0 || rest.filters.skills.length > 0;
}

/** The query with the asked property taken out, so it names the role without judging it. */
export function withoutAsked(q: ParsedQuery, asked: Asked): ParsedQuery {
  const f = { ...q.filters };
  if (asked.field === 'workMode') f.workModes = f.workModes.filter((m) => m !== asked.value);
  if (asked.field === 'listsPay') f.listsPay = null;
  if (asked.field === 'payAtLeast') f.payFloor = null;
  if (asked.field === 'years') {
    f.yearsMax = null;
    f.yearsMin = null;
  }
  if (asked.field === 'period') f.periods = [];
  if (asked.field === 'skill') f.skills = f.skills.filter((s) => s !== asked.value);
  if (asked.field === 'place') f.places = f.places.filter((p) => p !== asked.value);
  if (asked.field === 'level') f.seniorities = [];
  return { ...q, filters: f };
}

/** "A vs B", "A or B", "A and B", "A, B": each side read as a query; one side or none when it names no more. */
function sidesOf(text: string, vocab: Vocabulary): ParsedQuery[] {
  const body = fold(text)
    .replace(/[¿¡?!]+/g, ' ')
    .replace(/\b(?:which (?:one )?(?:pays?|is paid) (?:more|better|less)|which is better|compare|comparison|compara|comparar|comparer|vergleiche?n?|side by side|difference between|the two|both|beide|les deux|los dos|as duas|os dois)\b/g, ' ');
  // Spaces folded first, so the pattern's \s* never rescans a long run of them.
  const parts = body.replace(/\s+/g, ' ').split(/ (?:vs\.?|versus|against|or|and|with|und|oder|mit|et|ou|avec|y|o|con|e|com) | ?[,:;/] ?/).map((s) => s.trim()).filter((s) => s.length > 0);
  const sides = parts.map((p) => parseQuery(p, vocab, { ignore: isQuestionWord })).filter((q) => !isEmptyQuery(q));
  return sides.length >= 2 ? sides : [];
}

/** A query that names the given roles only (a follow-up about the previous answer). */
export function amongIds(q: ParsedQuery, ids: string[]): ParsedQuery {
  return { ...q, filters: { ...q.filters, ids } };
}

export { emptyFilters };
