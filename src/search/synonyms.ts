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
  // The same job in the five languages questions come in (folded): "enfermera" finds the nurses, "Entwickler" the developers.
  ['nurse', 'nurses', 'enfermera', 'enfermero', 'enfermeria', 'infirmier', 'infirmiere', 'pflege', 'krankenpflege', 'enfermeira', 'enfermeiro', 'enfermagem'],
  ['teacher', 'teachers', 'profesor', 'profesora', 'docente', 'enseignant', 'enseignante', 'lehrer', 'lehrerin', 'professor', 'professora'],
  ['developer', 'developers', 'desarrollador', 'desarrolladora', 'developpeur', 'developpeuse', 'entwickler', 'entwicklerin', 'desenvolvedor', 'desenvolvedora', 'programador'],
  ['engineer', 'engineers', 'ingeniero', 'ingeniera', 'ingenieur', 'ingenieure', 'ingenieurin', 'engenheiro', 'engenheira'],
  ['accountant', 'contador', 'contadora', 'comptable', 'buchhalter', 'buchhalterin', 'contabilista'],
  ['driver', 'chofer', 'conductor', 'chauffeur', 'fahrer', 'motorista'],
  ['receptionist', 'recepcionista', 'receptionniste', 'rezeptionist', 'empfang'],
  ['analyst', 'analysts', 'analista', 'analyste', 'analytiker'],
  ['sales', 'ventas', 'vente', 'ventes', 'vertrieb', 'verkauf', 'vendas'],
  ['lawyer', 'attorney', 'abogado', 'abogada', 'avocat', 'avocate', 'anwalt', 'rechtsanwalt', 'advogado', 'advogada'],
  ['physician', 'doctor', 'medico', 'medica', 'medecin', 'arzt', 'arztin'],
  ['cook', 'cocinero', 'cocinera', 'cuisinier', 'koch', 'cozinheiro'],
  ['warehouse', 'almacen', 'entrepot', 'lager', 'armazem'],
  ['housekeeper', 'housekeeping', 'limpieza', 'nettoyage', 'reinigung', 'limpeza'],
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
