// Words people use in questions for levels and work modes that postings rarely write ("from home", "im
// Homeoffice", "Praktikum", "pleno"), and the level the years asked for imply. Work-mode words postings use are in
// workmodes.ts; these only add the questions' own phrasings.
import type { Seniority, WorkMode, YearsExperience } from '../schema.ts';

/** Question phrasings of a work mode, folded, beyond the labels of workmodes.ts. */
export const QUESTION_WORK_MODES: Readonly<Record<string, WorkMode>> = {
  'from home': 'remote', 'home office': 'remote', homeoffice: 'remote', 'home-office': 'remote', 'im homeoffice': 'remote',
  teletravail: 'remote', 'en teletravail': 'remote', distanciel: 'remote', 'a distancia': 'remote', 'desde casa': 'remote',
  'de casa': 'remote', 'home-based': 'remote', fernarbeit: 'remote',
};

/** Level words in the five languages; "staff" includes senior staff, as people mean it. */
export const SENIORITY_WORDS: Readonly<Record<string, Seniority[]>> = {
  intern: ['intern'], interns: ['intern'], internship: ['intern'], internships: ['intern'], praktikum: ['intern'], praktikant: ['intern'],
  praktikanten: ['intern'], praktika: ['intern'], werkstudent: ['intern'], stages: ['intern'], stagiaire: ['intern'],
  pasantia: ['intern'], pasantias: ['intern'], pasante: ['intern'], pasantes: ['intern'], practicas: ['intern'], becario: ['intern'], estagio: ['intern'],
  estagios: ['intern'], estagiario: ['intern'], trainee: ['intern'], apprentice: ['intern'], apprenti: ['intern'], apprentissage: ['intern'],
  apprentissages: ['intern'], lehrstelle: ['intern'], lehrstellen: ['intern'], lernende: ['intern'], aprendiz: ['intern'],
  junior: ['junior'], juniors: ['junior'], jr: ['junior'], entry: ['junior'], 'entry-level': ['junior'], 'entry level': ['junior'], graduate: ['junior'],
  einsteiger: ['junior'], debutant: ['junior'], principiante: ['junior'], 'new grad': ['junior'],
  mid: ['mid'], 'mid-level': ['mid'], intermediate: ['mid'], pleno: ['mid'], confirme: ['mid'],
  senior: ['senior'], seniors: ['senior'], sr: ['senior'], staff: ['staff', 'senior-staff'], 'senior-staff': ['senior-staff'], 'senior staff': ['senior-staff'],
  principal: ['principal'], lead: ['lead'], leads: ['lead'], manager: ['manager'], managers: ['manager'], gerente: ['manager'], leiter: ['manager'],
  director: ['director'], directors: ['director'], head: ['director'], diretor: ['director'], directeur: ['director'], directora: ['director'],
};

/**
 * The level years of experience imply when the title names none: a role asking 0–2 years is junior, 3–4 mid, 5 or
 * more senior. Used so "junior roles" also finds "Data Analyst, 1+ years".
 */
export function levelFromYears(y: YearsExperience | null): Seniority | null {
  if (!y) return null;
  if (y.min <= 2) return 'junior';
  if (y.min <= 4) return 'mid';
  return 'senior';
}

/** Words for "thousand" after a number, as questions write amounts: "150 mil", "80 grand", "100 tausend", "50 mille". */
export const THOUSAND_WORDS: ReadonlySet<string> = new Set(['k', 'thousand', 'grand', 'mil', 'mille', 'tausend', 'tsd']);
