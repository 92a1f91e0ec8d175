// Turns whatever was pasted (plain text, markdown, simple HTML, one run-together line) into clean lines.

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', bull: '•', middot: '·', euro: '€', pound: '£', yen: '¥',
  copy: '©', reg: '®', trade: '™', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', uuml: 'ü', ouml: 'ö',
  auml: 'ä', szlig: 'ß', ntilde: 'ñ', atilde: 'ã', otilde: 'õ', aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú',
};

/** Decodes HTML entities, named and numeric. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[code.toLowerCase()] ?? m;
  });
}

export function looksLikeHtml(s: string): boolean {
  // Every tag it looks for starts with "<": most texts have none.
  return s.includes('<') && /<\/?(p|div|li|ul|ol|br|h[1-6]|strong|b|em|span|section|article|body|html|table|tr|td)\b[^<>]*>/i.test(s);
}

/** Simple HTML to text: block elements become line breaks, list items become bullets. */
export function htmlToText(html: string): string {
  // A tag's insides stop at the next "<" or ">", so a page of unclosed tags is read in one pass, not one per tag.
  const s = dropBlocks(html)
    .replace(/<li\b[^<>]*>/gi, '\n• ')
    .replace(/<br ?\/?>/gi, '\n')
    .replace(/<\/?(p|div|ul|ol|h[1-6]|section|article|header|footer|tr|table|blockquote|dd|dt)\b[^<>]*>/gi, '\n')
    .replace(/<[^<>]+>/g, '');
  return decodeEntities(s);
}

const HIDDEN = ['script', 'style', 'noscript', 'svg', 'head'];

/**
 * Drops comments and script, style, svg and head blocks. A search for each closing mark with indexOf: a lazy pattern
 * would rescan the rest of the page from every opening that has no end.
 */
function dropBlocks(html: string): string {
  if (!html.includes('<')) return html;
  const lower = html.toLowerCase();
  let out = '';
  // The text from `at` on is kept so far; the next "<" is looked for from `from`.
  let at = 0;
  let from = 0;
  for (;;) {
    const open = lower.indexOf('<', from);
    if (open < 0) break;
    let end = -1;
    if (lower.startsWith('<!--', open)) {
      const close = lower.indexOf('-->', open + 4);
      end = close < 0 ? html.length : close + 3;
    } else if (HIDDEN_FIRST.has(lower[open + 1] ?? '')) {
      const name = HIDDEN.find((n) => lower.startsWith(n, open + 1) && !/[a-z0-9-]/.test(lower[open + 1 + n.length] ?? ''));
      if (name) {
        const close = lower.indexOf(`</${name}`, open + 1 + name.length);
        // An opening with no end hides nothing: it is dropped with the other tags later.
        if (close >= 0) {
          const gt = lower.indexOf('>', close);
          end = gt < 0 ? html.length : gt + 1;
        }
      }
    }
    if (end < 0) {
      from = open + 1;
      continue;
    }
    out += `${html.slice(at, open)} `;
    at = from = end;
  }
  return out + html.slice(at);
}

// Most tags start with none of these letters, and are passed over without looking for each hidden name.
const HIDDEN_FIRST = new Set(HIDDEN.map((n) => n[0]));

const MARKDOWN_CHAR = /[#*_`[>!]/;
const RULE = /^\s*-{3}/;

/** Strips markdown emphasis, heading marks and links, keeping the words. */
function stripMarkdown(line: string): string {
  // Most lines carry no markdown at all: skip the passes for them.
  if (!MARKDOWN_CHAR.test(line) && !RULE.test(line)) return line;
  let s = line;
  for (const [marks, re, by] of MARKDOWN_PASSES) if (marks.some((m) => s.includes(m))) s = s.replace(re, by);
  return s;
}

// Each pass, in order, after the marks it cannot match without: most marked lines hold one kind of mark, and a plain
// search for the others skips their passes.
const MARKDOWN_PASSES: ReadonlyArray<readonly [marks: readonly string[], re: RegExp, by: string]> = [
  [['#'], /^\s{0,3}#{1,6}\s+/, ''],
  // Brackets and parentheses stop at the next one of their kind, so "[[[[…" is one pass, not one per bracket.
  [['!['], /!\[([^[\]]*)\]\([^()]*\)/g, '$1'],
  [[']('], /\[([^[\]]+)\]\([^()]*\)/g, '$1'],
  [['**', '__'], /(\*\*|__)(.+?)\1/g, '$2'],
  [['*', '_'], /(^|[\s(])[*_]([^*_\n]+?)[*_](?=[\s).,:;!?]|$)/g, '$1$2'],
  [['`'], /`([^`]+)`/g, '$1'],
  [['>'], /^\s*>\s?/, ''],
  [['---', '***', '___'], /^\s*([-*_])\1{2,}\s*$/, ''],
];

// Words whose inner capital is part of the word, so a lost line break is not guessed inside them.
const CAMEL_WORDS = new Set(
  [
    'ClickHouse', 'PyTorch', 'JavaScript', 'TypeScript', 'GitHub', 'GitLab', 'PostgreSQL', 'MySQL', 'LinkedIn',
    'YouTube', 'WordPress', 'HubSpot', 'SharePoint', 'PowerPoint', 'DevOps', 'MLOps', 'DataOps', 'FastAPI', 'NumPy',
    'SciPy', 'SentenceTransformers', 'MLFlow', 'MLflow', 'CloudFormation', 'DynamoDB', 'BigQuery', 'MongoDB',
    'OpenAI', 'TensorFlow', 'JetBrains', 'PagerDuty', 'DataDog', 'CatBoost', 'LightGBM', 'XGBoost', 'OpenSearch',
    'ElasticSearch', 'GraphQL', 'NoSQL', 'iPhone', 'iPad', 'macOS', 'iOS', 'TikTok', 'PayPal', 'DoorDash', 'AirBnB',
    'FinTech', 'HealthTech', 'EdTech', 'SaaS', 'PaaS', 'IaaS', 'LangChain', 'LlamaIndex', 'HuggingFace',
    'DeepMind', 'DeepSpeed', 'WebGL', 'WebRTC', 'WebSocket', 'WebSockets', 'NestJS', 'NextJS', 'NodeJS', 'VueJS',
    'ReactJS', 'SvelteKit', 'CockroachDB', 'RabbitMQ', 'ActiveMQ', 'ZeroMQ', 'McKinsey', 'McDonald', 'BlackRock',
    'SoundCloud', 'SpaceX', 'OpenShift', 'VMware', 'ServiceNow', 'NetSuite', 'QuickBooks', 'CloudFlare', 'Cloudflare',
    'DigitalOcean', 'FreeBSD', 'AutoCAD', 'SolidWorks', 'SketchUp', 'InDesign', 'AfterEffects', 'ChatGPT', 'GitOps',
    'FinOps', 'SecOps', 'DevSecOps', 'DuckDB', 'TimescaleDB', 'InfluxDB', 'RocksDB', 'LevelDB', 'FoundationDB',
    'SingleStore', 'ScyllaDB', 'CouchDB', 'PySpark', 'SparkSQL', 'JUnit', 'PyTest', 'TestFlight', 'AppStore',
  ].map((w) => w.toLowerCase()),
);

/**
 * Puts back line breaks that scraping removed: "productionDeep experience" and "increases.Depending".
 * Only applied to very long lines, where a run-together list is the likely cause.
 */
export function unglue(line: string, names: Names = new Set()): string {
  // Each pass below runs only when a plain look finds what it needs (any non-ASCII character counts as a possible
  // letter): most long lines are prose where the unicode-aware passes would find nothing at a far higher cost.
  // A lowercase pair, then a capitalised word.
  let s = breakAt(line, LOWER_UPPER, GLUED, (at) => !keepsWhole(line, at, names));
  if (/[A-Z\x80-\uffff]{3}[a-z\x80-\uffff]{2}/.test(s)) {
    // "SQLDeep": a capitalised word right after an acronym.
    s = breakAt(s, UPPER_RUN, GLUED_ACRONYM, (at, whole) => !isCamelWord(whole, at, 0));
  }
  // "increases.Depending": a sentence's end, then the next one.
  if (/[a-z\d)%\x80-\uffff][.!?][A-Z\x80-\uffff]/.test(s)) s = breakAt(s, STOP_UPPER, GLUED_SENTENCE, () => true);
  // "(Neo4j)Experience with" and "Ad Network Optimization:Build".
  if (/\)[A-Z\x80-\uffff]/.test(s)) s = s.replace(/\)(\p{Lu}\p{Ll})/gu, ')\n$1');
  // "our APIsSie betreiben": an acronym's plural, then a new line.
  if (/[A-Z\x80-\uffff]{2}s[A-Z\x80-\uffff]/.test(s)) s = s.replace(/(?<=\p{Lu}{2}s)(?=\p{Lu}\p{Ll})/gu, '\n');
  // A gender marker ends a title: "Développeur Backend H/FAtelier Numérique est…".
  if (/[HFMWD]\/[HFMWD]/.test(s)) s = s.replace(/(?<![\p{L}/])([HFMWD]\/[HFMWD](?:\/[HFMWD])?)(\p{Lu}\p{Ll})/gu, '$1\n$2');
  if (/[:：][A-Z\x80-\uffff]/.test(s)) s = s.replace(/([\p{L})])[:：](\p{Lu}\p{Ll})/gu, '$1:\n$2');
  return s;
}

/** What unglue asks of the names a text repeats: a Set will do. */
export type Names = Pick<ReadonlySet<string>, 'has'>;

// Zero-width boundaries keep the scans linear. Each is tested (sticky) only where a plain scan finds its shape, with any
// non-ASCII character counting as a letter of either case: a lookbehind tried at every place of a long line was slow.
const GLUED = /(?<=\p{Ll}['’]?\p{Ll})(?=\p{Lu}\p{Ll})/uy;
// Each plain scan stops at an uppercase (or non-ASCII) character, the rarer one, and looks back from it.
const LOWER_UPPER = /[A-Z\x80-\uffff](?<=[a-z\x80-\uffff][A-Z\x80-\uffff])/g;
const GLUED_ACRONYM = /(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll}{2})/uy;
const UPPER_RUN = /[A-Z\x80-\uffff](?<=[A-Z\x80-\uffff]{3})(?=[a-z\x80-\uffff]{2})/g;
// The replaced pattern's matches (letter or digit, stop, capital) cannot overlap: a capital starts none. So each place
// can be tested on its own.
const GLUED_SENTENCE = /(?<=[\p{Ll}\d)%][.!?])(?=\p{Lu})/uy;
const STOP_UPPER = /[A-Z\x80-\uffff](?<=[a-z\d)%\x80-\uffff][.!?][A-Z\x80-\uffff])/g;

/**
 * Puts a line break at each place where `exact` (sticky, zero-width) holds and `wanted` agrees, looking only where
 * `plain` matches. `plain` matches the one character just after a place, so that consecutive places are all seen.
 */
function breakAt(line: string, plain: RegExp, exact: RegExp, wanted: (at: number, whole: string) => boolean): string {
  let out = '';
  let last = 0;
  // An exec loop, not matchAll: no copy of the pattern and no iterator for each line.
  plain.lastIndex = 0;
  for (let m = plain.exec(line); m; m = plain.exec(line)) {
    const at = m.index;
    // The unicode-aware scan never stops inside a surrogate pair.
    if (isLowSurrogate(line.charCodeAt(at)) && isHighSurrogate(line.charCodeAt(at - 1))) continue;
    exact.lastIndex = at;
    if (!exact.test(line) || !wanted(at, line)) continue;
    out += `${line.slice(last, at)}\n`;
    last = at;
  }
  return last ? out + line.slice(last) : line;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A glued boundary that is no lost line break: inside a known or repeated name, or after a short capitalised prefix. */
function keepsWhole(whole: string, offset: number, names: Names): boolean {
  if (isCamelWord(whole, offset, 0) || names.has(wordAt(whole, offset))) return true;
  let start = offset;
  // Three steps back are enough to see a short prefix; walking a huge glued word at each boundary was quadratic.
  while (start > 0 && offset - start <= 3 && isWordUnit(whole, start - 1)) start--;
  // A short capitalised prefix is a name ("McKinsey"), not two words.
  return UPPER_START.test(whole[start] ?? '') && offset - start <= 2 && !isWordUnit(whole, start - 1);
}

const UPPER_START = /^\p{Lu}/u;
const WORD_UNIT = /[\p{L}\d]/u;

/** Whether the code unit at `i` is a letter or digit on its own (a surrogate half never is). */
function isWordUnit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // ASCII letters and digits answer without the unicode-aware pattern; NaN (outside the string) is no letter.
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return c === c && WORD_UNIT.test(s[i]!);
}

/** The run of letters and digits around `offset`. */
function wordAt(whole: string, offset: number): string {
  // Looks at most CAMEL_REACH letters each way: no name is longer, and walking a huge glued word from each of its
  // boundaries was quadratic.
  let start = offset;
  while (start > 0 && offset - start <= CAMEL_REACH && isWordUnit(whole, start - 1)) start--;
  let end = offset;
  while (end < whole.length && end - offset <= CAMEL_REACH && isWordUnit(whole, end)) end++;
  return offset - start > CAMEL_REACH || end - offset > CAMEL_REACH ? '' : whole.slice(start, end);
}

const CAMEL_NAME = /\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+(?![\p{L}\d])/gu;
const WHOLE_CAMEL_NAME = new RegExp(`^(?:${CAMEL_NAME.source})$`, 'u');

/**
 * Capitalised words with an inner capital that a text writes more than once ("FusionAuth", "SerpApi"): names, not two
 * words whose line break was lost, which seldom run together the same way twice.
 */
function repeatedCamelNames(text: string): Set<string> {
  const seen = new Set<string>();
  const names = new Set<string>();
  // No lookbehind: a match that starts inside a word is dropped afterwards, which is far cheaper than testing the
  // character before at every position. Such a match ends where its word ends, so it hides no match of a later word.
  for (const m of text.matchAll(CAMEL_NAME)) {
    if (m.index > 0 && LETTER_OR_DIGIT_END.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (seen.has(m[0])) names.add(m[0]);
    else seen.add(m[0]);
  }
  return names;
}

// Words asked about one by one before the whole text is scanned once for all of them.
const NAMES_ASKED_ALONE = 8;

/**
 * The repeated camel-cased names of a text, as repeatedCamelNames finds them, without its unicode-aware scan of the
 * whole text while few words are asked about: a glued line has few boundaries, and most of its words are no camel
 * name at all. Each name it finds is a whole word (letters and digits neither side), so counting a word's whole-word
 * occurrences with indexOf gives the same answer.
 */
function repeatedNames(text: string): Names {
  let all: Set<string> | null = null;
  const known = new Map<string, boolean>();
  return {
    has(word: string): boolean {
      if (all) return all.has(word);
      if (!WHOLE_CAMEL_NAME.test(word)) return false;
      let answer = known.get(word);
      if (answer === undefined) {
        if (known.size >= NAMES_ASKED_ALONE) return (all = repeatedCamelNames(text)).has(word);
        answer = wholeWordCount(text, word, 2) >= 2;
        known.set(word, answer);
      }
      return answer;
    },
  };
}

/** How many times `word` stands as a whole word in `text`, counting up to `enough`. */
function wholeWordCount(text: string, word: string, enough: number): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0 && n < enough; i = text.indexOf(word, i + 1)) {
    if (i > 0 && LETTER_OR_DIGIT_END.test(text.slice(Math.max(0, i - 2), i))) continue;
    WORD_CHAR_AT.lastIndex = i + word.length;
    if (!WORD_CHAR_AT.test(text)) n++;
  }
  return n;
}

const LETTER_OR_DIGIT_END = /[\p{L}\d]$/u;
const WORD_CHAR_AT = /[\p{L}\d]/uy;

const CAMEL_RE = new RegExp([...CAMEL_WORDS].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

// No camel-cased name is longer; looking further around each boundary of a huge glued word was quadratic.
const CAMEL_REACH = 40;

function isCamelWord(whole: string, offset: number, length: number): boolean {
  let start = offset;
  while (start > 0 && offset - start < CAMEL_REACH && isWordUnit(whole, start - 1)) start--;
  let end = offset + length;
  while (end < whole.length && end - offset < CAMEL_REACH && isWordUnit(whole, end)) end++;
  return CAMEL_RE.test(whole.slice(start, end));
}

const LONG_LINE = 200;
// A cheap test for text that lost its breaks, before the costlier unicode-aware passes of unglue: "aB", "a.B" or "ABCd".
// Each stops at an uppercase letter and looks around it: tried at every character, the three were far slower.
const GLUE_HINT = /[A-Z](?:(?<=[a-z\u00df-\u00ff][A-Z])|(?<=[a-z)%][.!?:)][A-Z])|(?=[A-Z]{2}[a-z]))/;

/** Normalises raw posting text into trimmed lines (empty lines kept as paragraph breaks). */
export function toLines(raw: string): string[] {
  // The role splitter cleans a text that names several roles, then the parser cleans the same text again when it
  // holds one role: the last answer is kept (a copy is handed out, so no caller can change it).
  if (raw === lastRaw) return lastLines.slice();
  const lines = readLines(raw);
  lastRaw = raw;
  lastLines = lines;
  return lines.slice();
}

let lastRaw: string | null = null;
let lastLines: string[] = [];

function readLines(raw: string): string[] {
  // Each whole-text pass runs only when a plain search finds the character it starts with.
  let s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  s = s.replace(ODD_CHAR, (c) => (INVISIBLE_CHAR.test(c) ? '' : ' '));
  if (looksLikeHtml(s)) s = htmlToText(s);
  else if (s.includes('&') && /&(amp|lt|gt|nbsp|#\d+);/.test(s)) s = decodeEntities(s);
  const out: string[] = [];
  const rawLines = s.split('\n');
  // A posting pasted as one or two lines has lost all its breaks, however short it is.
  const runTogether = fewFilled(rawLines, 2);
  const tabs = s.includes('\t');
  // Runs of spaces come from the text, its tabs or stripped markdown ("a ` ` b"): most texts have none of these.
  const spaced = tabs || s.includes('  ');
  const markdown = markdownLines(s);
  let names: Names | null = null;
  for (const rawLine of rawLines) {
    const marked = markdown.next(rawLine.length);
    let line = marked ? stripMarkdown(rawLine) : rawLine;
    if (tabs && line.includes('\t')) line = line.replace(/\t/g, ' ');
    // Trimmed first, so that only runs of spaces inside the line are left to fold (the same line as folding first).
    line = line.trim();
    if ((spaced || marked) && line.includes('  ')) line = line.replace(/ {2,}/g, ' ');
    if ((line.length > LONG_LINE || (runTogether && line.length > 80)) && GLUE_HINT.test(line)) {
      names ??= repeatedNames(s);
      for (const part of unglue(line, names).split('\n')) out.push(part.trim());
      continue;
    }
    // Pipes in a markdown table row separate cells; keep them as one line.
    out.push(line);
  }
  return out;
}

// Invisible characters go; odd spaces and control characters (from binary or broken input) become spaces.
const INVISIBLE = '\u200B-\u200D\u2060\uFEFF\u00AD';
const ODD_SPACE = '\u00A0\u2007\u202F\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F';
// One class, not an alternation of two: the text is scanned once for either kind. Printable ASCII is ruled out first,
// which is quicker than the class's own ranges.
const ODD_CHAR = new RegExp(`[^\\t\\n\\r\\x20-\\x7e](?<=[${INVISIBLE}${ODD_SPACE}])`, 'g');
const INVISIBLE_CHAR = new RegExp(`[${INVISIBLE}]`);

/** Whether at most `most` of the lines hold more than whitespace. */
function fewFilled(lines: readonly string[], most: number): boolean {
  let filled = 0;
  for (const l of lines) if (l.trim() && ++filled > most) return false;
  return true;
}

const MARKDOWN_CHARS = new RegExp(MARKDOWN_CHAR.source, 'g');

/**
 * Tells, line after line, whether a line may hold markdown: one scan of the whole text for its marks, instead of a
 * pattern per line (most lines have none). `next` takes each line's length in turn (the text split on "\n").
 */
function markdownLines(s: string): { next(length: number): boolean } {
  let at = 0;
  let mark = -1;
  let rule = -1;
  return {
    next(length: number): boolean {
      const end = at + length;
      if (mark < at) {
        MARKDOWN_CHARS.lastIndex = at;
        mark = MARKDOWN_CHARS.exec(s)?.index ?? s.length;
      }
      // A rule ("---") holds no mark character.
      if (rule < at) {
        const r = s.indexOf('---', at);
        rule = r < 0 ? s.length : r;
      }
      at = end + 1;
      return mark < end || rule < end;
    },
  };
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Normalises apostrophes and dashes so matching can ignore typographic variants. */
export function fold(s: string): string {
  // ASCII needs no accent folding; most lines are ASCII, and few hold a backquote.
  if (!NON_ASCII.test(s)) {
    const lower = s.toLowerCase();
    return lower.includes('`') ? lower.replace(/`/g, "'") : lower;
  }
  const folded = s.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—―]/g, '-');
  // Half the others hold nothing but typographic marks (’ – • …), which have no accents to take off.
  return NFD_KEEPS.test(folded) ? folded : folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * The characters of a range that NFD leaves alone wherever they stand: no decomposition, and no mark that would be
 * reordered with its neighbours (tried against an accent on either side), as a class body.
 */
function keptByNfd(from: number, to: number): string {
  let out = '';
  for (let code = from; code <= to; code++) {
    const c = String.fromCharCode(code);
    const kept = [c, `x\u0301${c}`, `x${c}\u0301`].every((t) => t.normalize('NFD') === t);
    if (kept) out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}

// ASCII, Latin-1 signs, general punctuation and currency signs, as far as NFD leaves them alone: a string of these
// folds to itself under NFD, and holds no accent to take off.
const NFD_KEEPS = new RegExp(`^[\\x00-\\x7f${keptByNfd(0xa0, 0xbf)}${keptByNfd(0x2000, 0x206f)}${keptByNfd(0x20a0, 0x20cf)}]*$`);

/** A folded key for comparing names: lowercase, no accents, runs of anything but letters, digits, + and # as one space. */
export function foldKey(s: string): string {
  return fold(s).replace(/[^a-z0-9+#]+/g, ' ').trim();
}

/** Marks that open a list item when a space follows them. */
export const BULLET_MARKS: ReadonlySet<string> = new Set([...'•●○◦▪▫■□‣⁃∙·*+-–—>✓✔➤►→']);
const BULLET = new RegExp(String.raw`^(?:[${[...BULLET_MARKS].map((m) => (m === '-' ? '\\-' : m)).join('')}]|\d{1,2}[.)]|[a-z][.)])\s+`, 'u');

/** Removes a leading bullet or list number; returns null when the line had none. */
export function stripBullet(line: string): { text: string; bulleted: boolean } {
  // No bullet starts with an uppercase ASCII letter, as most lines do.
  const first = line.charCodeAt(0);
  const m = first >= 0x41 && first <= 0x5a ? null : BULLET.exec(line);
  if (!m) return { text: line, bulleted: false };
  return { text: line.slice(m[0].length).trim(), bulleted: true };
}

/** Splits text into sentences, keeping abbreviations such as "e.g." together. */
export function sentences(text: string): string[] {
  // The abbreviations' dots are hidden from the sentence ends, and put back in each sentence.
  const marked = ABBREVIATION_DOT.test(text) ? text.replace(ABBREVIATION, '$1\u0001') : text;
  // A "\u0002" already in the text ends a sentence too: the plain walk below would miss it.
  if (marked.includes('\u0002')) {
    return marked.replace(SENTENCE_END, (end) => `${end[0]}\u0002`).split('\u0002').map(unmarkSentence).filter(Boolean);
  }
  const out: string[] = [];
  let start = 0;
  // A sentence ends after its mark; the spaces after it go.
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(marked); m; m = SENTENCE_END.exec(marked)) {
    const s = unmarkSentence(marked.slice(start, m.index + 1));
    if (s) out.push(s);
    start = SENTENCE_END.lastIndex;
  }
  const last = unmarkSentence(marked.slice(start));
  if (last) out.push(last);
  return out;
}

const ABBREVIATIONS = '(e\\.g|i\\.e|etc|vs|approx|incl|Inc|Ltd|Co|Dr|Mr|Ms|Sr|Jr|St)';
const ABBREVIATION = new RegExp(`\\b${ABBREVIATIONS}\\.`, 'g');
// The same abbreviations, looked for back from each dot: far cheaper than trying them at every word, and few texts
// hold one.
const ABBREVIATION_DOT = new RegExp(`\\.(?<=\\b${ABBREVIATIONS}\\.)`);
const SENTENCE_END = /[.!?]\s+(?=[\p{Lu}\d"“(])/gu;

function unmarkSentence(s: string): string {
  return (s.includes('\u0001') ? s.replace(/\u0001/g, '.') : s).trim();
}

/**
 * A quick test run before a pattern made of many phrases: one walk of the text through an automaton (Aho–Corasick),
 * where the pattern tries each of its alternatives at every place. It says yes whenever the text holds a phrase with its
 * letters in either case, as a pattern's i flag reads them (no other character matches an ASCII letter); word
 * boundaries and the like are left to the pattern, so a yes is only a maybe. Phrases are ASCII: a gate for any other
 * says yes to every text.
 */
export class PhraseGate {
  // The automaton's moves, one row per state and one column per symbol: the next state's row, or -1 once a phrase ends.
  private readonly moves: Int32Array;
  // Each ASCII character's symbol, the same for both cases of a letter; 0 for characters no phrase holds.
  private readonly symbols = new Uint8Array(0x80);
  private readonly always: boolean;

  constructor(phrases: readonly string[]) {
    this.always = phrases.some((p) => !p || /[^\x00-\x7f]/.test(p));
    let count = 1;
    for (const p of this.always ? [] : phrases) {
      for (let i = 0; i < p.length; i++) {
        const code = p.charCodeAt(i);
        if (!this.symbols[code]) this.symbols[code] = this.symbols[otherCase(code)] = count++;
      }
    }
    this.moves = automaton(buildTrie(this.always ? [] : phrases, this.symbols), count);
  }

  mayHold(text: string): boolean {
    if (this.always) return true;
    const { moves, symbols } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      row = moves[row + (code < 0x80 ? symbols[code]! : 0)]!;
      if (row < 0) return true;
    }
    return false;
  }
}

/** The other case of an ASCII letter; any other character itself. */
function otherCase(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code >= 0x61 && code <= 0x7a) return code - 32;
  return code;
}

interface Trie {
  next: Array<Map<number, number>>;
  ends: boolean[];
}

function buildTrie(phrases: readonly string[], symbols: Uint8Array): Trie {
  const trie: Trie = { next: [new Map()], ends: [false] };
  for (const p of phrases) {
    let state = 0;
    for (let i = 0; i < p.length; i++) {
      const symbol = symbols[p.charCodeAt(i)]!;
      let to = trie.next[state]!.get(symbol);
      if (to === undefined) {
        to = trie.next.length;
        trie.next.push(new Map());
        trie.ends.push(false);
        trie.next[state]!.set(symbol, to);
      }
      state = to;
    }
    trie.ends[state] = true;
  }
  return trie;
}

/** The trie's full table of moves, each state's missing moves taken from its longest proper suffix in the trie. */
function automaton(trie: Trie, symbols: number): Int32Array {
  const states = trie.next.length;
  const to = new Int32Array(states * symbols);
  const suffix = new Int32Array(states);
  const ends = Uint8Array.from(trie.ends, (e) => (e ? 1 : 0));
  // Breadth first, so that a state's suffix is complete before the state is.
  const queue: number[] = [];
  for (let symbol = 0; symbol < symbols; symbol++) {
    const child = trie.next[0]!.get(symbol);
    if (child !== undefined) {
      to[symbol] = child;
      queue.push(child);
    }
  }
  for (let k = 0; k < queue.length; k++) {
    const state = queue[k]!;
    if (ends[suffix[state]!]) ends[state] = 1;
    for (let symbol = 0; symbol < symbols; symbol++) {
      const child = trie.next[state]!.get(symbol);
      const fallback = to[suffix[state]! * symbols + symbol]!;
      if (child === undefined) {
        to[state * symbols + symbol] = fallback;
      } else {
        suffix[child] = fallback;
        to[state * symbols + symbol] = child;
        queue.push(child);
      }
    }
  }
  // Rows instead of states, and -1 for a state where some phrase has ended.
  return to.map((state) => (ends[state] ? -1 : state * symbols));
}
