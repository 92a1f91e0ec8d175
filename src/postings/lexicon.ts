// The words people use for work modes, levels, currencies and pay periods, in the five languages postings and
// questions come in. Keys are folded (lowercase, no accents); phrases are written with single spaces.
import type { PayPeriod, Seniority, WorkMode, YearsExperience } from './schema.ts';

export const WORK_MODE_WORDS: Record<string, WorkMode> = {
  remote: 'remote', remotely: 'remote', wfh: 'remote', 'work from home': 'remote', 'from home': 'remote', 'home office': 'remote',
  homeoffice: 'remote', 'home-office': 'remote', teletravail: 'remote', 'en teletravail': 'remote', distanciel: 'remote', 'a distance': 'remote',
  remoto: 'remote', remotos: 'remote', remota: 'remote', remotas: 'remote', 'a distancia': 'remote', 'desde casa': 'remote',
  teletrabajo: 'remote', 'de casa': 'remote', 'home-based': 'remote', 'fernarbeit': 'remote', mobil: 'remote',
  hybrid: 'hybrid', hybride: 'hybrid', hybriden: 'hybrid', hybrides: 'hybrid', hibrido: 'hybrid', hibrida: 'hybrid', hibridos: 'hybrid', hibridas: 'hybrid',
  onsite: 'onsite', 'on-site': 'onsite', 'on site': 'onsite', 'in-office': 'onsite', 'in office': 'onsite', office: 'onsite', 'in-person': 'onsite',
  'in person': 'onsite', presencial: 'onsite', presenciales: 'onsite', presenciais: 'onsite', 'vor ort': 'onsite', 'sur site': 'onsite',
  presentiel: 'onsite', 'en presentiel': 'onsite', 'im buro': 'onsite',
};

/** Level words; "staff" includes senior staff, as people mean it. */
export const SENIORITY_WORDS: Record<string, Seniority[]> = {
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

/** Currency names and symbols as people write them, standing alone ("paid in euros"). */
export const CURRENCY_WORDS: Record<string, string> = {
  usd: 'USD', dollar: 'USD', dollars: 'USD', '$': 'USD', dolares: 'USD', dolar: 'USD', 'us dollars': 'USD',
  eur: 'EUR', euro: 'EUR', euros: 'EUR', '€': 'EUR',
  gbp: 'GBP', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', '£': 'GBP', libras: 'GBP', 'livres sterling': 'GBP',
  cad: 'CAD', 'canadian dollars': 'CAD', aud: 'AUD', 'australian dollars': 'AUD', chf: 'CHF', franken: 'CHF', 'swiss francs': 'CHF', francs: 'CHF',
  inr: 'INR', rupees: 'INR', rupee: 'INR', brl: 'BRL', reais: 'BRL', mxn: 'MXN', hkd: 'HKD', sgd: 'SGD', jpy: 'JPY', yen: 'JPY',
};

/** Pay period words: "hourly", "per month", "à l'heure", "por hora". */
export const PERIOD_WORDS: Record<string, PayPeriod> = {
  hourly: 'hour', 'per hour': 'hour', 'an hour': 'hour', 'by the hour': 'hour', 'pay by the hour': 'hour', 'hourly rate': 'hour', '/hr': 'hour',
  stundenlohn: 'hour', stundlich: 'hour', 'pro stunde': 'hour', "a l'heure": 'hour', "de l'heure": 'hour', horaire: 'hour', 'por hora': 'hour',
  daily: 'day', 'per day': 'day', 'day rate': 'day', tagessatz: 'day', 'par jour': 'day', 'por dia': 'day',
  weekly: 'week', 'per week': 'week', 'a week': 'week',
  monthly: 'month', 'per month': 'month', 'a month': 'month', monatlich: 'month', 'pro monat': 'month', mensuel: 'month', mensuelle: 'month', 'par mois': 'month',
  mensual: 'month', 'por mes': 'month', mensal: 'month',
  yearly: 'year', annual: 'year', annually: 'year', 'per year': 'year', 'a year': 'year', jahrlich: 'year', 'pro jahr': 'year', annuel: 'year', 'par an': 'year',
  anual: 'year', 'por ano': 'year',
};
