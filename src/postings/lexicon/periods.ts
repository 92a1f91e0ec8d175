// The one list of pay periods: the words for hour, day, week, month and year in English, German, French, Spanish
// and Portuguese, as postings write them after an amount ("/hr", "per annum", "pro Monat", "par mois", "al mes").
import type { PayPeriod } from '../schema.ts';
import { fold } from '../text.ts';

export interface PeriodWords {
  /** Units written after "per", "/", "a", "pro", "par", "por", "al" … ("hour", "Monat", "mois", "año"). */
  units: string[];
  /** Words that say the period alone ("hourly", "monatlich", "mensuel", "anual", "p.a."). */
  adverbs: string[];
  /** Phrases before an amount that name the period ("hourly rate", "Stundenlohn", "salaire annuel"). */
  before: string[];
}

export const PAY_PERIODS: Readonly<Record<PayPeriod, PeriodWords>> = {
  hour: {
    units: ['hour', 'hr', 'hrs', 'h', 'stunde', 'std', 'heure', 'hora'],
    adverbs: ['hourly', 'stündlich', 'de l\'heure', 'horaire', 'por hora', 'la hora'],
    before: ['hourly', 'per hour', 'an hour', 'stundenlohn', 'stundensatz', 'taux horaire', 'salaire horaire', 'por hora', 'valor hora', 'salario por hora'],
  },
  day: {
    units: ['day', 'diem', 'tag', 'jour', 'día', 'dia', 'jornada'],
    adverbs: ['daily', 'täglich', 'journalier', 'diario', 'diária'],
    before: ['day rate', 'daily rate', 'per day', 'tagessatz', 'taux journalier', 'tjm', 'por día', 'por dia', 'diária'],
  },
  week: {
    units: ['week', 'wk', 'woche', 'semaine', 'semana'],
    adverbs: ['weekly', 'wöchentlich', 'hebdomadaire', 'semanal'],
    before: ['weekly', 'per week', 'wochenlohn', 'par semaine', 'por semana'],
  },
  month: {
    units: ['month', 'mo', 'mth', 'monat', 'mois', 'mes', 'mês'],
    adverbs: ['monthly', 'monatlich', 'mensuel', 'mensuelle', 'mensual', 'mensuales', 'mensal', 'mensais', 'brutos mensuales', 'bruto mensual'],
    before: ['monthly', 'per month', 'monatlich', 'monatsgehalt', 'mensuel', 'salaire mensuel', 'mensual', 'sueldo mensual', 'mensal', 'salário mensal'],
  },
  year: {
    units: ['year', 'yr', 'annum', 'annual', 'jahr', 'an', 'année', 'año', 'ano'],
    adverbs: ['annually', 'annual', 'yearly', 'p.a.', 'p. a.', 'pa', 'jährlich', 'jahresgehalt', 'annuel', 'annuelle', 'par an', 'anual', 'anuales', 'bruto anual', 'brutos anuales', 'anuais'],
    before: ['annual', 'annually', 'yearly', 'per year', 'per annum', 'jahresgehalt', 'jahresbruttogehalt', 'salaire annuel', 'rémunération annuelle', 'salario anual', 'sueldo anual', 'salário anual'],
  },
};

/** Words between an amount and its unit: "/hr", "per hour", "an hour", "pro Stunde", "par mois", "por mes", "ao mês". */
export const PER_WORDS: readonly string[] = ['/', 'per', 'an', 'a', 'each', 'pro', 'im', 'je', 'par', 'la', 'à la', 'por', 'al', 'a la', 'ao', 'por mês'];

const BY_WORD = new Map<string, PayPeriod>();
for (const [period, w] of Object.entries(PAY_PERIODS) as Array<[PayPeriod, PeriodWords]>) {
  for (const word of [...w.units, ...w.adverbs, ...w.before]) if (!BY_WORD.has(fold(word))) BY_WORD.set(fold(word), period);
}

/**
 * The period a word or short phrase names: "hourly", "per hour", "/hr", "pro Monat", "par an", "al año", "YEAR",
 * "per-year-salary" → year. Null when it names none.
 */
export function periodOf(phrase: string | null | undefined): PayPeriod | null {
  if (!phrase) return null;
  const f = fold(phrase).replace(/[-_/]+/g, ' ').replace(/\s+/g, ' ').trim();
  const direct = BY_WORD.get(f);
  if (direct) return direct;
  const words = f.split(' ').filter((w) => !PER_WORDS.includes(w) && !/^(1|one|salary|wage|rate|pay|gehalt|salaire|salario|salário)$/.test(w));
  for (const w of words) {
    const p = BY_WORD.get(w) ?? (w.endsWith('s') ? BY_WORD.get(w.slice(0, -1)) : undefined);
    if (p) return p;
  }
  return null;
}
