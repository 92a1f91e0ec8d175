// Skill names: languages, tools and methods, each with the ways postings write it.

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
function combined(mode: 'cs' | 'ci'): { re: RegExp; names: string[] } {
  const entries = SKILLS.filter(([, , m]) => (m === 'cs') === (mode === 'cs'));
  const re = new RegExp(String.raw`(?:^|[^\w#+.-])(?:${entries.map(([, src]) => `(${src.replace(/\((?!\?)/g, '(?:')})`).join('|')})(?![\w#+])`, mode === 'cs' ? 'g' : 'gi');
  return { re, names: entries.map(([n]) => n) };
}
const PASSES = [combined('ci'), combined('cs')];

// "Go", "R" and "C" are languages only in a list or after a language word, not "go above and beyond" or "R&D".
// Found by a plain scan for the letters, then judged by what stands around them (a lookbehind at every position is slow).
const LIST_BEFORE = /(?:[,/(]|\b(?:and|or|in|using|with|like|of|strong|golang))\s{0,2}$/i;
const GO_AFTER = /^(?:\s*[,/)]|\s+(?:and|or)\s+\p{Lu}|\s+(?:services?|code|backend|microservices|programming|developer|engineer|experience|\(golang\))\b)/u;
const NOT_GO = /^(?:[-‑]to|\s+to\b|[-‑]live|\s+live\b|\s+(?:ahead|beyond|above|on|through|over|back|out|further|deep|get|for)\b|!)/;
const LETTER_AFTER = /^\s*(?:[,/)]|\band\b|\bor\b|\.|$)/;

function letterLanguage(text: string, letter: 'Go' | 'R' | 'C'): number {
  const re = letter === 'Go' ? /\bGo\b/g : letter === 'R' ? /\bR\b(?![&+#])/g : /\bC\b(?![+#&])/g;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    const before = text.slice(Math.max(0, i - 12), i);
    const after = text.slice(i + m[0].length, i + m[0].length + 40);
    if (letter === 'Go') {
      if (NOT_GO.test(after)) continue;
      if (LIST_BEFORE.test(before) || GO_AFTER.test(after)) return i;
    } else if (LIST_BEFORE.test(before) && LETTER_AFTER.test(after)) return i;
  }
  return -1;
}

/** Skills named in the text, by canonical name, in order of first appearance, each once. */
export function findSkills(text: string): string[] {
  const first = new Map<string, number>();
  for (const { re, names } of PASSES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const k = m.findIndex((g, i) => i > 0 && g !== undefined);
      const name = names[k - 1];
      if (name && !first.has(name)) first.set(name, m.index ?? 0);
    }
  }
  for (const name of ['Go', 'R', 'C'] as const) {
    const at = first.has(name) ? -1 : letterLanguage(text, name);
    if (at >= 0) first.set(name, at);
  }
  return [...first].sort((a, b) => a[1] - b[1]).map(([n]) => n);
}

/** Every canonical skill name, for the search's skill filter. */
export const SKILL_NAMES: string[] = [...SKILLS.map(([n]) => n), 'R', 'C'];
