// Skill names: languages, tools and methods, each with the ways postings write it.
import { depths, splitTop } from './lexicon/pattern.ts';

/** Canonical name → pattern source (matched case-insensitively unless the entry says otherwise). */
const SKILLS: Array<[string, string, ('cs' | 'ci')?]> = [
  ['Python', String.raw`python`],
  ['Go', String.raw`golang|go(?=\s*\(golang\))`],
  ['Java', String.raw`java(?!\s*script)`],
  ['Kotlin', 'kotlin'], ['Scala', 'scala'], ['Rust', String.raw`rust(?=\b)(?!\s+belt)`],
  ['C++', String.raw`c\+\+|cpp`], ['C#', String.raw`c#|\.net\s+c#`], ['JavaScript', String.raw`javascript|ecmascript`],
  ['TypeScript', 'typescript'], ['Ruby', String.raw`ruby(?!\s+on)`], ['PHP', 'php'], ['Swift', String.raw`swift(?=\W*(?:ui|,|/|and|or|\)|\s+develop|\s+programming))|swiftui`],
  ['Objective-C', String.raw`objective[- ]c`], ['SQL', String.raw`SQL`, 'cs'], ['Bash', String.raw`bash|shell scripting`],
  ['Elixir', 'elixir'], ['Erlang', 'erlang'], ['Haskell', 'haskell'], ['Clojure', 'clojure'], ['Dart', String.raw`dart(?=\W)`],
  ['Lua', 'lua'], ['MATLAB', 'matlab'], ['Julia', String.raw`julia(?=\s*(?:,|/|\)|and|or))`], ['Perl', 'perl'], ['Solidity', 'solidity'],
  ['React', String.raw`react(?:\.js|js)?(?!\s+native)|react(?=\s+native)`], ['React Native', 'react native'],
  ['Angular', 'angular(?:js)?'], ['Vue', String.raw`vue(?:\.js|js)?`], ['Svelte', 'svelte(?:kit)?'],
  ['Next.js', String.raw`next\.?js`], ['Node.js', String.raw`node\.?js|node(?=\s*(?:,|/|\)))`], ['Django', 'django'], ['Flask', 'flask'],
  ['FastAPI', 'fastapi'], ['Spring', String.raw`spring(?:\s+boot)?(?=\W)(?!\s+(?:break|semester))`], ['Ruby on Rails', String.raw`ruby on rails|rails`],
  ['.NET', String.raw`\.net(?:\s+core)?|dotnet`], ['GraphQL', 'graphql'], ['gRPC', 'grpc'], ['REST', String.raw`rest(?:ful)?\s+apis?|restful`],
  ['PyTorch', 'pytorch|torch'], ['TensorFlow', 'tensorflow'], ['JAX', 'JAX', 'cs'], ['Keras', 'keras'],
  ['scikit-learn', String.raw`scikit[- ]learn|sklearn`], ['XGBoost', 'xgboost'], ['LightGBM', 'lightgbm'], ['CatBoost', 'catboost'],
  ['pandas', 'pandas'], ['NumPy', 'numpy'], ['SciPy', 'scipy'], ['Spark', String.raw`(?:apache\s+)?spark|pyspark`],
  ['Hadoop', 'hadoop'], ['Kafka', 'kafka'], ['Flink', 'flink'], ['Airflow', 'airflow'], ['dbt', 'dbt'],
  ['Snowflake', String.raw`snowflake(?!\s+schema)`], ['BigQuery', 'bigquery'], ['Redshift', 'redshift'], ['Databricks', 'databricks'],
  ['Hugging Face', String.raw`hugging\s?face`], ['LangChain', 'langchain'], ['MLflow', 'mlflow'], ['Kubeflow', 'kubeflow'],
  ['Ray', String.raw`Ray(?=\s*(?:,|/|\)|and|or)|\s+(?:serve|tune|cluster))`, 'cs'], ['CUDA', 'cuda'], ['OpenCV', 'opencv'],
  ['Machine Learning', String.raw`machine learning|maschinelles lernen|apprentissage automatique|aprendizaje automático|aprendizado de máquina`],
  ['Deep Learning', String.raw`deep learning`], ['NLP', String.raw`nlp|natural language processing`], ['LLM', String.raw`llms?|large language models?`],
  ['Computer Vision', 'computer vision'], ['Reinforcement Learning', 'reinforcement learning'],
  ['Recommender Systems', String.raw`recommend(?:er|ation)\s+(?:systems?|engines?)|recsys`], ['Search Ranking', String.raw`search(?:,| and)? ranking|learning to rank`],
  ['A/B Testing', String.raw`a/b test(?:s|ing)?|ab testing|experimentation platform`], ['Statistics', String.raw`statistics|statistical modeling`],
  ['Embeddings', String.raw`embeddings?`], ['Data Pipelines', String.raw`data pipelines?|etl`],
  ['PostgreSQL', String.raw`postgres(?:ql)?`], ['MySQL', 'mysql'], ['MongoDB', 'mongo(?:db)?'], ['Redis', 'redis'], ['Memcached', 'memcached?'],
  ['Cassandra', 'cassandra'], ['DynamoDB', 'dynamodb'], ['Elasticsearch', String.raw`elastic\s?search`], ['OpenSearch', 'opensearch'],
  ['ClickHouse', 'clickhouse'], ['Neo4j', 'neo4j'], ['SQLite', 'sqlite'], ['Pinecone', 'pinecone'], ['Qdrant', 'qdrant'],
  ['Weaviate', 'weaviate'], ['Milvus', 'milvus'], ['Chroma', String.raw`chroma(?:db)?(?=\s*[,/)])`],
  ['Kubernetes', String.raw`kubernetes|k8s`], ['Docker', 'docker'], ['Terraform', 'terraform'], ['AWS', String.raw`aws|amazon web services`],
  ['GCP', String.raw`gcp|google cloud(?:\s+platform)?`], ['Azure', 'azure'], ['Linux', 'linux'], ['Git', String.raw`git(?!hub|lab)`],
  ['CI/CD', String.raw`ci\s?/\s?cd|cicd|continuous integration`], ['Jenkins', 'jenkins'], ['GitHub Actions', 'github actions'],
  ['Ansible', 'ansible'], ['Prometheus', 'prometheus'], ['Grafana', 'grafana'], ['Datadog', 'datadog'],
  ['Figma', 'figma'], ['Tableau', 'tableau'], ['Looker', 'looker'], ['Excel', String.raw`excel(?=\W)(?!\s+(?:at|in)\b)`], ['Salesforce', 'salesforce'],
  ['Jira', 'jira'], ['iOS', 'ios', 'ci'], ['Android', 'android'], ['Microservices', 'microservices?'],
];

// One pass per case mode over the text: every skill is an alternative in a single pattern, its group tells which.
// The alternatives are bucketed by their first character ("p(?:(ython)|(hp)|…)|j(?:(ava…)|…)"): the engine then tests
// a couple of dozen first characters at each word start instead of every skill (half the cost). Alternatives with
// different first characters cannot match at the same place, and a bucket keeps the list's order, so the same skill
// wins as with the plain list.
function combined(mode: 'cs' | 'ci'): { re: RegExp; names: string[]; anchors: string[] | null } {
  const anchors: string[] = [];
  const buckets = new Map<string, { head: string; rests: string[]; names: string[] }>();
  for (const [name, src, m] of SKILLS) {
    if ((m === 'cs') !== (mode === 'cs')) continue;
    for (const branch of splitTop(src.replace(/\((?!\?)/g, '(?:')).flatMap(unfoldOptionalStart)) {
      anchors.push(literalStart(branch));
      const head = firstChar(branch);
      const key = mode === 'ci' ? head.toLowerCase() : head;
      const bucket = buckets.get(key) ?? { head, rests: [], names: [] };
      buckets.set(key, bucket);
      bucket.rests.push(`(${branch.slice(head.length)})`);
      bucket.names.push(name);
    }
  }
  const alts = [...buckets.values()].map((b) => `${b.head}(?:${b.rests.join('|')})`);
  const re = new RegExp(String.raw`(?:^|[^\w#+.-])(?:${alts.join('|')})(?![\w#+])`, mode === 'cs' ? 'g' : 'gi');
  // A case-sensitive skill starts with its letters as written ("SQL", "JAX", "Ray"): a text with none of them is
  // passed over by a plain search.
  const plain = mode === 'cs' && !anchors.includes('');
  // Capture groups are numbered in the order they open: bucket by bucket.
  return { re, names: [...buckets.values()].flatMap((b) => b.names), anchors: plain ? anchors : null };
}

/** The plain letters a branch starts with, up to its first pattern sign (and without a letter a quantifier follows). */
function literalStart(branch: string): string {
  const n = /^[\w ]*/.exec(branch)![0].length;
  return branch.slice(0, /^[?*+{]/.test(branch.slice(n)) ? Math.max(0, n - 1) : n);
}

/** A branch's first character (a letter, a space or an escaped sign); it may not carry a quantifier. */
function firstChar(branch: string): string {
  const h = branch[0] === '\\' ? branch.slice(0, 2) : branch.slice(0, 1);
  if (!/^(?:[\w#/ ]|\\[^\w])$/.test(h) || /^[?*+{]/.test(branch.slice(h.length))) throw new Error(`skills: no plain first character in ${branch}`);
  return h;
}

/** "(?:apache\s+)?spark" → "apache\s+spark", "spark": the same matches in the same order, each with a plain first character. */
function unfoldOptionalStart(branch: string): string[] {
  if (!branch.startsWith('(?:')) return [branch];
  const d = depths(branch);
  const close = d.findIndex((depth, i) => depth === 0 && branch[i] === ')');
  if (branch[close + 1] !== '?') throw new Error(`skills: no plain first character in ${branch}`);
  const rest = branch.slice(close + 2);
  return [...splitTop(branch.slice(3, close)).map((b) => b + rest), rest].flatMap(unfoldOptionalStart);
}


const PASSES = [combined('ci'), combined('cs')];

// "Go", "R" and "C" are languages only in a list or after a language word, not "go above and beyond" or "R&D".
// Found by a plain scan for the letters, then judged by what stands around them (a lookbehind at every position is slow).
const LIST_BEFORE = /(?:[,/(]|\b(?:and|or|in|using|with|like|of|strong|golang))\s{0,2}$/i;
const GO_AFTER = /^(?:\s*[,/)]|\s+(?:and|or)\s+\p{Lu}|\s+(?:services?|code|backend|microservices|programming|developer|engineer|experience|\(golang\))\b)/u;
const NOT_GO = /^(?:[-‑]to|\s+to\b|[-‑]live|\s+live\b|\s+(?:ahead|beyond|above|on|through|over|back|out|further|deep|get|for)\b|!)/;
const LETTER_AFTER = /^\s*(?:[,/)]|\band\b|\bor\b|\.|$)/;

type Letter = 'Go' | 'R' | 'C';
const LETTERS: readonly Letter[] = ['Go', 'R', 'C'];
// The three letters in one scan of the text rather than one scan each.
const LETTER = /\b(?:Go|R(?![&+#])|C(?![+#&]))\b/g;

function isLetterLanguage(text: string, i: number, letter: Letter): boolean {
  const before = text.slice(Math.max(0, i - 12), i);
  const after = text.slice(i + letter.length, i + letter.length + 40);
  if (letter === 'Go') return !NOT_GO.test(after) && (LIST_BEFORE.test(before) || GO_AFTER.test(after));
  return LIST_BEFORE.test(before) && LETTER_AFTER.test(after);
}

/** Where each letter not yet found is first named as a language, or -1. */
function letterLanguages(text: string, found: Map<string, number>): Record<Letter, number> {
  const at: Record<Letter, number> = { Go: -1, R: -1, C: -1 };
  let left = LETTERS.filter((l) => !found.has(l)).length;
  LETTER.lastIndex = 0;
  for (let m = LETTER.exec(text); m && left > 0; m = LETTER.exec(text)) {
    const letter = m[0] as Letter;
    if (found.has(letter) || at[letter] >= 0 || !isLetterLanguage(text, m.index, letter)) continue;
    at[letter] = m.index;
    left--;
  }
  return at;
}

/** Skills named in the text, by canonical name, in order of first appearance, each once. */
export function findSkills(text: string): string[] {
  const first = new Map<string, number>();
  for (const { re, names, anchors } of PASSES) {
    if (anchors && !anchors.some((a) => text.includes(a))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let k = 1;
      while (k < m.length && m[k] === undefined) k++;
      const name = names[k - 1];
      if (name && !first.has(name)) first.set(name, m.index);
    }
  }
  const at = letterLanguages(text, first);
  for (const letter of LETTERS) if (at[letter] >= 0) first.set(letter, at[letter]);
  return [...first].sort((a, b) => a[1] - b[1]).map(([n]) => n);
}

/** Every canonical skill name, for the search's skill filter. */
export const SKILL_NAMES: string[] = [...SKILLS.map(([n]) => n), 'R', 'C'];
