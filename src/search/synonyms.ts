// Words of this field that mean the same thing. Each group's members expand to one another at query time.

const GROUPS: string[][] = [
  ['ml', 'machine learning'],
  ['ai', 'artificial intelligence'],
  ['recsys', 'recommendation', 'recommender', 'recommendations'],
  ['nlp', 'natural language processing'],
  ['llm', 'large language model', 'llms'],
  ['cv', 'computer vision'],
  ['k8s', 'kubernetes'],
  ['swe', 'software engineer'],
  ['sre', 'site reliability'],
  ['sde', 'software development engineer'],
  ['pm', 'product manager'],
  ['em', 'engineering manager'],
  ['ds', 'data scientist', 'data science'],
  ['mle', 'machine learning engineer'],
  ['fe', 'frontend', 'front end'],
  ['backend', 'back end'],
  ['fullstack', 'full stack'],
  ['infra', 'infrastructure'],
  ['devops', 'platform engineering'],
  ['js', 'javascript'],
  ['ts', 'typescript'],
  ['postgres', 'postgresql'],
  ['gcp', 'google cloud'],
  ['aws', 'amazon web services'],
  ['ranking', 'relevance', 'ranker'],
  ['search', 'retrieval'],
  ['ios', 'iphone'],
];

const table = new Map<string, string[]>();
for (const group of GROUPS) {
  for (const term of group) {
    const others = group.filter((t) => t !== term);
    table.set(term, [...(table.get(term) ?? []), ...others]);
  }
}

/** The other ways of writing a term ("ml" → ["machine learning"]); empty when it has none. */
export function synonymsOf(term: string): string[] {
  return table.get(term.toLowerCase()) ?? [];
}
