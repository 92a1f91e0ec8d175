// Labelled facts that boards print as "Label: value" or as a label line followed by its value.
import { fold, stripBullet } from './text.ts';

// Labels that may stand alone on a line above their value; others ("Experience") are also section headers.
const STANDALONE = new Set<LabelKey>(['title', 'company', 'location', 'workMode', 'employmentType', 'salary', 'seniority', 'posted']);

export type LabelKey = 'title' | 'company' | 'location' | 'workMode' | 'employmentType' | 'salary' | 'team' | 'seniority' | 'experience' | 'posted';

// Each label as it is written once folded. The first key to list a wording takes it.
const LABELS: Array<[LabelKey, string[]]> = [
  ['title', ['job title', 'title', 'position', 'role', 'poste', 'puesto', 'cargo', 'stellenbezeichnung', 'titel']],
  ['company', ['company', 'employer', 'organization', 'organisation', 'hiring company', 'unternehmen', 'firma', 'entreprise', 'empresa', 'societe']],
  ['location', [
    'location', 'locations', 'job location', 'office', 'office location', 'based in', 'city', 'standort', 'arbeitsort', 'ort', 'lieu',
    'localisation', 'ubicacion', 'localizacion', 'localizacao', 'local', 'cidade',
  ]],
  ['workMode', [
    'work type', 'worktype', 'workplace', 'workplace type', 'work arrangement', 'work model', 'work mode', 'location type', 'arbeitsmodell',
    'mode de travail', 'modalidad', 'modalidade', 'modelo de trabalho',
  ]],
  ['employmentType', [
    'job type', 'employment type', 'employment', 'type', 'commitment', 'contract type', 'schedule', 'anstellungsart', 'beschaftigungsart',
    'type de contrat', 'contrat', 'tipo de contrato', 'jornada', 'tipo de vaga', 'regime',
  ]],
  ['salary', [
    'salary', 'salary range', 'pay', 'pay range', 'compensation', 'base salary', 'base pay', 'rate', 'hourly rate', 'gehalt', 'vergutung',
    'salaire', 'remuneration', 'salario', 'sueldo', 'remuneracao', 'faixa salarial',
  ]],
  ['team', ['team', 'department', 'dept', 'abteilung', 'equipe', 'departamento', 'area']],
  ['seniority', ['seniority', 'level', 'experience level', 'seniority level', 'career level', 'niveau', 'nivel', 'senioridade']],
  ['experience', ['experience', 'years of experience', 'berufserfahrung', 'experiencia', 'experiencia requerida']],
  ['posted', ['posted', 'date posted', 'posted on', 'published', 'veroffentlicht', 'publie le', 'publicado']],
];

// One lookup, not a pattern per key: every line of every posting is asked whether it is a label.
const LABEL_OF = new Map<string, LabelKey>();
for (const [key, words] of LABELS) for (const w of words) if (!LABEL_OF.has(w)) LABEL_OF.set(w, key);

export function labelKey(label: string): LabelKey | null {
  return LABEL_OF.get(fold(label).replace(/[:：]\s*$/, '').trim()) ?? null;
}

export type Labelled = Partial<Record<LabelKey, string>>;

/**
 * Reads labelled facts from the lines and returns the lines without them.
 * A label line alone ("SALARY") takes the next line as its value when that line is short.
 */
export function extractLabels(lines: string[]): { labelled: Labelled; rest: string[] } {
  const labelled: Labelled = {};
  const rest: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A label's colon comes within its first 31 characters: a plain look for one passes most lines over.
    const inline = hasColonWithin(line, 31) ? /^([^:：]{2,30})[:：]\s*(.{1,120})$/.exec(line) : null;
    if (inline) {
      const key = labelKey(inline[1]!);
      if (key && !labelled[key]) {
        labelled[key] = inline[2]!.trim();
        // A salary line stays in the text, so every stated range is found in order.
        if (key === 'salary') rest.push(line);
        continue;
      }
    }
    const key = line.length <= 30 ? labelKey(line) : null;
    const next = lines[i + 1];
    if (key && STANDALONE.has(key) && next && next.trim() && next.length <= 80 && !labelKey(next) && !stripBullet(next).bulleted) {
      if (!labelled[key]) labelled[key] = next.trim();
      if (key === 'salary') rest.push(`${line.replace(/[:：]$/, '')}: ${next.trim()}`);
      i++;
      continue;
    }
    rest.push(line);
  }
  return { labelled, rest };
}

/** Whether a colon (ASCII or full-width) stands within the first `n` characters. */
export function hasColonWithin(line: string, n: number): boolean {
  const at = line.indexOf(':');
  if (at >= 0 && at < n) return true;
  const wide = line.indexOf('：');
  return wide >= 0 && wide < n;
}
