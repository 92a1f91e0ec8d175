// Annual equivalents and a small fixed currency table, so pay can be compared and sorted.
import type { PayPeriod, SalaryRange } from './schema.ts';
import { USD_PER_UNIT as RATES } from './lexicon/currencies.ts';

const PER_YEAR: Record<PayPeriod, number> = { year: 1, month: 12, week: 52, day: 260, hour: 2080 };

/** Approximate US dollars per unit, fixed so results are reproducible; answers name it when they convert. */
export const USD_PER_UNIT = RATES;

/** The range as yearly amounts in its own currency (2,080 hours, 260 days, 52 weeks, 12 months). */
export function annualize(s: SalaryRange): { min: number | null; max: number | null } {
  const k = PER_YEAR[s.period];
  return { min: s.min === null ? null : s.min * k, max: s.max === null ? null : s.max * k };
}

/** Converts an amount to another currency through the fixed table; null when either is unknown. */
export function convert(amount: number, from: string, to: string): number | null {
  if (from === to) return amount;
  const a = USD_PER_UNIT[from];
  const b = USD_PER_UNIT[to];
  return a && b ? (amount * a) / b : null;
}

/** The top of the range per year in US dollars, for sorting and pay floors; null when unknown. */
export function annualTopUSD(s: SalaryRange | null): number | null {
  if (!s) return null;
  const a = annualize(s);
  const top = a.max ?? a.min;
  return top === null ? null : convert(top, s.currency, 'USD');
}

const SYMBOL: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', INR: '₹', JPY: '¥', BRL: 'R$', CAD: 'CA$', AUD: 'A$' };

/** "$180k–$200k", "€4,500", "₹25L": short money for cards. */
export function formatMoney(n: number, currency: string): string {
  const sym = SYMBOL[currency];
  let body: string;
  if (n >= 1_000_000) body = `${(n / 1e6).toFixed(n % 1e6 === 0 ? 0 : 1)}M`;
  else if (n >= 10_000) body = `${Math.round(n / 1000)}k`;
  else body = (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '')).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sym ? `${sym}${body}` : `${body} ${currency}`;
}

const PERIOD_WORD: Record<PayPeriod, string> = { year: 'a year', month: 'a month', week: 'a week', day: 'a day', hour: 'an hour' };

/** "$180k–$200k a year" (with "(period assumed)" or "(estimate)" when the text says so). */
export function formatRange(s: SalaryRange): string {
  const lo = s.min ?? s.max!;
  const hi = s.max ?? s.min!;
  const amount = s.min === null ? `up to ${formatMoney(hi, s.currency)}` : s.max === null ? `from ${formatMoney(lo, s.currency)}` : lo === hi ? formatMoney(lo, s.currency) : `${formatMoney(lo, s.currency)}–${formatMoney(hi, s.currency)}`;
  const notes = [s.periodInferred ? 'period assumed' : null, s.estimated ? 'estimate' : null].filter(Boolean);
  return `${amount} ${PERIOD_WORD[s.period]}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** "≈ $114k a year" for non-yearly or non-USD ranges, so people can compare. */
export function annualEquivalent(s: SalaryRange): string | null {
  if (s.period === 'year') return null;
  const a = annualize(s);
  const lo = a.min ?? a.max!;
  const hi = a.max ?? a.min!;
  return `≈ ${lo === hi ? formatMoney(lo, s.currency) : `${formatMoney(lo, s.currency)}–${formatMoney(hi, s.currency)}`} a year`;
}
