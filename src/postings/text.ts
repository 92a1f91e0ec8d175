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
  return /<\/?(p|div|li|ul|ol|br|h[1-6]|strong|b|em|span|section|article|body|html|table|tr|td)\b[^<>]*>/i.test(s);
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
  let at = 0;
  for (;;) {
    const open = lower.indexOf('<', at);
    if (open < 0) break;
    let end = -1;
    if (lower.startsWith('<!--', open)) {
      const close = lower.indexOf('-->', open + 4);
      end = close < 0 ? html.length : close + 3;
    } else {
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
      out += html.slice(at, open + 1);
      at = open + 1;
      continue;
    }
    out += `${html.slice(at, open)} `;
    at = end;
  }
  return out + html.slice(at);
}

const MARKDOWN_CHAR = /[#*_`[>!]/;
const RULE = /^\s*-{3}/;

/** Strips markdown emphasis, heading marks and links, keeping the words. */
function stripMarkdown(line: string): string {
  // Most lines carry no markdown at all: skip the passes for them.
  if (!MARKDOWN_CHAR.test(line) && !RULE.test(line)) return line;
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    // Brackets and parentheses stop at the next one of their kind, so "[[[[…" is one pass, not one per bracket.
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]+)\]\([^()]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+?)[*_](?=[\s).,:;!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*([-*_])\1{2,}\s*$/, '');
}

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
export function unglue(line: string, names: ReadonlySet<string> = new Set()): string {
  // Each pass below runs only when a plain look finds what it needs (any non-ASCII character counts as a possible
  // letter): most long lines are prose where the unicode-aware passes would find nothing at a far higher cost.
  let s = line
    // Zero-width boundaries keep the scan linear: a lowercase pair, then a capitalised word.
    .replace(/(?<=\p{Ll}['’]?\p{Ll})(?=\p{Lu}\p{Ll})/gu, (_m, offset: number, whole: string) => {
      if (isCamelWord(whole, offset, 0) || names.has(wordAt(whole, offset))) return '';
      let start = offset;
      // Three steps back are enough to see a short prefix; walking a huge glued word at each boundary was quadratic.
      while (start > 0 && offset - start <= 3 && /[\p{L}\d]/u.test(whole[start - 1] ?? '')) start--;
      // A short capitalised prefix is a name ("McKinsey"), not two words.
      if (/^\p{Lu}/u.test(whole[start] ?? '') && offset - start <= 2 && !/[\p{L}\d]/u.test(whole[start - 1] ?? '')) return '';
      return '\n';
    });
  if (/[A-Z\x80-\uffff]{3}[a-z\x80-\uffff]{2}/.test(s)) {
    s = s.replace(/(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll}{2})/gu, (_m, offset: number, whole: string) => (isCamelWord(whole, offset, 0) ? '' : '\n'));
  }
  if (/[a-z\d)%\x80-\uffff][.!?][A-Z\x80-\uffff]/.test(s)) s = s.replace(/([\p{Ll}\d)%][.!?])([\p{Lu}])/gu, '$1\n$2');
  // "(Neo4j)Experience with" and "Ad Network Optimization:Build".
  if (/\)[A-Z\x80-\uffff]/.test(s)) s = s.replace(/\)(\p{Lu}\p{Ll})/gu, ')\n$1');
  // "our APIsSie betreiben": an acronym's plural, then a new line.
  if (/[A-Z\x80-\uffff]{2}s[A-Z\x80-\uffff]/.test(s)) s = s.replace(/(?<=\p{Lu}{2}s)(?=\p{Lu}\p{Ll})/gu, '\n');
  // A gender marker ends a title: "Développeur Backend H/FAtelier Numérique est…".
  if (/[HFMWD]\/[HFMWD]/.test(s)) s = s.replace(/(?<![\p{L}/])([HFMWD]\/[HFMWD](?:\/[HFMWD])?)(\p{Lu}\p{Ll})/gu, '$1\n$2');
  if (/[:：][A-Z\x80-\uffff]/.test(s)) s = s.replace(/([\p{L})])[:：](\p{Lu}\p{Ll})/gu, '$1:\n$2');
  return s;
}

/** The run of letters and digits around `offset`. */
function wordAt(whole: string, offset: number): string {
  // Looks at most CAMEL_REACH letters each way: no name is longer, and walking a huge glued word from each of its
  // boundaries was quadratic.
  let start = offset;
  while (start > 0 && offset - start <= CAMEL_REACH && /[\p{L}\d]/u.test(whole[start - 1] ?? '')) start--;
  let end = offset;
  while (end < whole.length && end - offset <= CAMEL_REACH && /[\p{L}\d]/u.test(whole[end] ?? '')) end++;
  return offset - start > CAMEL_REACH || end - offset > CAMEL_REACH ? '' : whole.slice(start, end);
}

/**
 * Capitalised words with an inner capital that a text writes more than once ("FusionAuth", "SerpApi"): names, not two
 * words whose line break was lost, which seldom run together the same way twice.
 */
function repeatedCamelNames(text: string): Set<string> {
  const seen = new Set<string>();
  const names = new Set<string>();
  // No lookbehind: a match that starts inside a word is dropped afterwards, which is far cheaper than testing the
  // character before at every position. Such a match ends where its word ends, so it hides no match of a later word.
  for (const m of text.matchAll(/\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+(?![\p{L}\d])/gu)) {
    if (m.index > 0 && LETTER_OR_DIGIT_END.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (seen.has(m[0])) names.add(m[0]);
    else seen.add(m[0]);
  }
  return names;
}

const LETTER_OR_DIGIT_END = /[\p{L}\d]$/u;

const CAMEL_RE = new RegExp([...CAMEL_WORDS].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

// No camel-cased name is longer; looking further around each boundary of a huge glued word was quadratic.
const CAMEL_REACH = 40;

function isCamelWord(whole: string, offset: number, length: number): boolean {
  let start = offset;
  while (start > 0 && offset - start < CAMEL_REACH && /[\p{L}\d]/u.test(whole[start - 1] ?? '')) start--;
  let end = offset + length;
  while (end < whole.length && end - offset < CAMEL_REACH && /[\p{L}\d]/u.test(whole[end] ?? '')) end++;
  return CAMEL_RE.test(whole.slice(start, end));
}

const LONG_LINE = 200;
// A cheap test for text that lost its breaks, before the costlier unicode-aware passes of unglue.
const GLUE_HINT = /[a-z\u00df-\u00ff][A-Z]|[a-z)%][.!?:)][A-Z]|[A-Z]{3}[a-z]/;

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
  let s = raw.replace(/\r\n?/g, '\n');
  // Invisible characters go; odd spaces and control characters (from binary or broken input) become spaces.
  s = s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]|[\u00A0\u2007\u202F\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => (/[\u200B-\u200D\u2060\uFEFF\u00AD]/.test(c) ? '' : ' '));
  if (looksLikeHtml(s)) s = htmlToText(s);
  else if (/&(amp|lt|gt|nbsp|#\d+);/.test(s)) s = decodeEntities(s);
  const out: string[] = [];
  const rawLines = s.split('\n');
  // A posting pasted as one or two lines has lost all its breaks, however short it is.
  const runTogether = rawLines.filter((l) => l.trim()).length <= 2;
  let names: Set<string> | null = null;
  for (const rawLine of rawLines) {
    let line = stripMarkdown(rawLine);
    if (line.includes('\t')) line = line.replace(/\t/g, ' ');
    if (line.includes('  ')) line = line.replace(/ {2,}/g, ' ');
    line = line.trim();
    if ((line.length > LONG_LINE || (runTogether && line.length > 80)) && GLUE_HINT.test(line)) {
      names ??= repeatedCamelNames(s);
      for (const part of unglue(line, names).split('\n')) out.push(part.trim());
      continue;
    }
    // Pipes in a markdown table row separate cells; keep them as one line.
    out.push(line);
  }
  return out;
}

/** Normalises apostrophes and dashes so matching can ignore typographic variants. */
export function fold(s: string): string {
  // ASCII needs no accent folding; most lines are ASCII.
  if (!/[^\x00-\x7f]/.test(s)) return s.toLowerCase().replace(/`/g, "'");
  return s
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** A folded key for comparing names: lowercase, no accents, runs of anything but letters, digits, + and # as one space. */
export function foldKey(s: string): string {
  return fold(s).replace(/[^a-z0-9+#]+/g, ' ').trim();
}

const BULLET = /^(?:[•●○◦▪▫■□‣⁃∙·*+\-–—>✓✔➤►→]|\d{1,2}[.)]|[a-z][.)])\s+/u;

/** Removes a leading bullet or list number; returns null when the line had none. */
export function stripBullet(line: string): { text: string; bulleted: boolean } {
  const m = BULLET.exec(line);
  if (!m) return { text: line, bulleted: false };
  return { text: line.slice(m[0].length).trim(), bulleted: true };
}

/** Splits text into sentences, keeping abbreviations such as "e.g." together. */
export function sentences(text: string): string[] {
  return text
    .replace(/\b(e\.g|i\.e|etc|vs|approx|incl|Inc|Ltd|Co|Dr|Mr|Ms|Sr|Jr|St)\./g, '$1\u0001')
    .replace(/([.!?])\s+(?=[\p{Lu}\d"“(])/gu, '$1\u0002')
    .split('\u0002')
    .map((x) => x.replace(/\u0001/g, '.').trim())
    .filter(Boolean);
}
