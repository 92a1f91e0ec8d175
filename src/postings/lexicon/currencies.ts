// The one list of currencies: how postings and people write them, and which one a place pays in.
import { fold } from '../text.ts';
import { wordsSource } from './pattern.ts';

export interface Currency {
  /** ISO 4217 code. */
  code: string;
  /** Signs written before or after an amount that name this currency alone ("US$", "R$", "£"). */
  symbols: string[];
  /** Words for it in English, German, French, Spanish and Portuguese, lower case. */
  names: string[];
  /** Approximate US dollars per unit, fixed so comparisons are reproducible. */
  usdPerUnit: number;
  /** Countries (as places.ts names them) whose default currency this is. */
  countries: string[];
}

export const CURRENCIES: readonly Currency[] = [
  { code: 'USD', symbols: ['US$', 'U$S', 'USD$'], names: ['us dollars', 'us dollar', 'dollars', 'dollar', 'dólares', 'dolares', 'dólar', 'dolar', 'us-dollar'], usdPerUnit: 1, countries: ['United States'] },
  { code: 'EUR', symbols: ['€'], names: ['euros', 'euro', 'eur'], usdPerUnit: 1.08, countries: ['Ireland', 'Germany', 'France', 'Spain', 'Portugal', 'Italy', 'Netherlands', 'Belgium', 'Austria', 'Finland', 'Greece', 'Europe'] },
  { code: 'GBP', symbols: ['£'], names: ['pounds sterling', 'pounds', 'pound', 'sterling', 'pfund', 'livres sterling', 'libras esterlinas', 'libras'], usdPerUnit: 1.27, countries: ['United Kingdom'] },
  { code: 'CAD', symbols: ['CA$', 'C$', 'CAN$'], names: ['canadian dollars', 'dollars canadiens', 'kanadische dollar', 'dólares canadienses', 'canadian dollar', 'dólares canadenses'], usdPerUnit: 0.73, countries: ['Canada'] },
  { code: 'AUD', symbols: ['AU$', 'A$', 'AUD$'], names: ['australian dollars', 'dollars australiens', 'australische dollar', 'australian dollar', 'aussie dollars', 'aussie dollar', 'dólares australianos', 'dolares australianos'], usdPerUnit: 0.66, countries: ['Australia'] },
  { code: 'NZD', symbols: ['NZ$'], names: ['new zealand dollars'], usdPerUnit: 0.6, countries: ['New Zealand'] },
  { code: 'SGD', symbols: ['S$'], names: ['singapore dollars'], usdPerUnit: 0.74, countries: ['Singapore'] },
  { code: 'HKD', symbols: ['HK$'], names: ['hong kong dollars'], usdPerUnit: 0.128, countries: ['Hong Kong'] },
  { code: 'MXN', symbols: ['MX$', 'Mex$'], names: ['pesos mexicanos', 'mexican pesos'], usdPerUnit: 0.055, countries: ['Mexico'] },
  { code: 'BRL', symbols: ['R$'], names: ['reais', 'brazilian reais'], usdPerUnit: 0.2, countries: ['Brazil'] },
  { code: 'ARS', symbols: ['AR$'], names: ['pesos argentinos'], usdPerUnit: 0.001, countries: ['Argentina'] },
  { code: 'CLP', symbols: ['CLP$'], names: ['pesos chilenos'], usdPerUnit: 0.0011, countries: ['Chile'] },
  { code: 'COP', symbols: ['COL$'], names: ['pesos colombianos'], usdPerUnit: 0.00025, countries: ['Colombia'] },
  { code: 'PEN', symbols: ['S/.'], names: ['soles'], usdPerUnit: 0.27, countries: ['Peru'] },
  { code: 'BOB', symbols: ['Bs.'], names: ['bolivianos'], usdPerUnit: 0.145, countries: ['Bolivia'] },
  { code: 'PHP', symbols: ['₱'], names: ['philippine pesos'], usdPerUnit: 0.018, countries: ['Philippines'] },
  { code: 'INR', symbols: ['₹', 'Rs.', 'Rs'], names: ['rupees', 'indian rupees', 'roupies', 'rupias', 'rupien'], usdPerUnit: 0.012, countries: ['India'] },
  { code: 'CHF', symbols: ['SFr.', 'Fr.'], names: ['swiss francs', 'francs suisses', 'franken', 'francs', 'francos suizos'], usdPerUnit: 1.13, countries: ['Switzerland'] },
  { code: 'JPY', symbols: ['¥', '円'], names: ['yen', 'japanese yen'], usdPerUnit: 0.0067, countries: ['Japan'] },
  { code: 'CNY', symbols: ['RMB', '元'], names: ['yuan', 'renminbi'], usdPerUnit: 0.14, countries: ['China'] },
  { code: 'KRW', symbols: ['₩'], names: ['won'], usdPerUnit: 0.00075, countries: ['South Korea'] },
  { code: 'SEK', symbols: [], names: ['kronor', 'swedish krona'], usdPerUnit: 0.095, countries: ['Sweden'] },
  { code: 'NOK', symbols: [], names: ['kroner', 'norwegian krone'], usdPerUnit: 0.094, countries: ['Norway'] },
  { code: 'DKK', symbols: [], names: ['danish krone'], usdPerUnit: 0.145, countries: ['Denmark'] },
  { code: 'PLN', symbols: ['zł'], names: ['złoty', 'zloty'], usdPerUnit: 0.25, countries: ['Poland'] },
  { code: 'CZK', symbols: ['Kč'], names: ['koruna'], usdPerUnit: 0.043, countries: ['Czech Republic'] },
  { code: 'RON', symbols: [], names: ['lei'], usdPerUnit: 0.22, countries: ['Romania'] },
  { code: 'UAH', symbols: ['₴'], names: ['hryvnia'], usdPerUnit: 0.024, countries: ['Ukraine'] },
  { code: 'ILS', symbols: ['₪'], names: ['shekels', 'shekel'], usdPerUnit: 0.27, countries: ['Israel'] },
  { code: 'AED', symbols: [], names: ['dirhams', 'dirham'], usdPerUnit: 0.27, countries: ['United Arab Emirates'] },
  { code: 'ZAR', symbols: [], names: ['rand'], usdPerUnit: 0.055, countries: ['South Africa'] },
  { code: 'NGN', symbols: ['₦'], names: ['naira'], usdPerUnit: 0.00065, countries: ['Nigeria'] },
  { code: 'KES', symbols: ['KSh'], names: ['shillings'], usdPerUnit: 0.0077, countries: ['Kenya'] },
  { code: 'IDR', symbols: ['Rp'], names: ['rupiah'], usdPerUnit: 0.000063, countries: ['Indonesia'] },
  { code: 'VND', symbols: ['₫'], names: ['dong'], usdPerUnit: 0.00004, countries: ['Vietnam'] },
];

/**
 * Signs several currencies share, with the one they mean when the place does not say: "$" in an Australian
 * posting is Australian dollars, "kr" in a Danish one Danish krone.
 */
export const SHARED_SYMBOLS: Readonly<Record<string, { default: string; among: readonly string[] }>> = {
  $: { default: 'USD', among: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'ARS', 'CLP', 'COP'] },
  kr: { default: 'SEK', among: ['SEK', 'NOK', 'DKK'] },
  'kr.': { default: 'DKK', among: ['SEK', 'NOK', 'DKK'] },
  pesos: { default: 'MXN', among: ['MXN', 'ARS', 'CLP', 'COP', 'PHP'] },
  dollars: { default: 'USD', among: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD'] },
  dollar: { default: 'USD', among: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD'] },
};

/**
 * Signs that are also a letter or an ordinary word ("P1 priority", "PHP developers"): a currency only before an
 * amount written with thousands separators ("P100,000", "PHP 45,000").
 */
export const GROUPED_ONLY_SIGNS: Readonly<Record<string, string>> = { PHP: 'PHP', Php: 'PHP', P: 'PHP' };

const BY_CODE = new Map(CURRENCIES.map((c) => [c.code, c]));
const BY_TOKEN = new Map<string, string>();
for (const c of CURRENCIES) {
  BY_TOKEN.set(c.code.toLowerCase(), c.code);
  for (const s of c.symbols) BY_TOKEN.set(s.toLowerCase(), c.code);
  for (const n of c.names) BY_TOKEN.set(fold(n), c.code);
}
for (const [sign, s] of Object.entries(SHARED_SYMBOLS)) BY_TOKEN.set(sign, s.default);

/** Every ISO code in the list. */
export const CURRENCY_CODES: readonly string[] = CURRENCIES.map((c) => c.code);

/** The currency with this code, or null. */
export function currencyByCode(code: string): Currency | null {
  return BY_CODE.get(code.toUpperCase()) ?? null;
}

/**
 * The ISO code a sign, code or name stands for ("R$" → BRL, "eur" → EUR, "Euro" → EUR, "$" → USD), or null. With
 * `local`, the currency of the posting's place, a shared sign takes the local currency when it can mean it.
 */
export function currencyOf(token: string | null | undefined, local?: string | null): string | null {
  if (!token) return null;
  const t = token.trim();
  const lower = t.toLowerCase();
  const shared = SHARED_SYMBOLS[lower];
  if (shared) return local && shared.among.includes(local) ? local : shared.default;
  return BY_TOKEN.get(lower) ?? BY_TOKEN.get(fold(t)) ?? null;
}

/** True when a sign or word names one currency by itself, rather than a family ("$", "kr", "pesos"). */
export function isSpecificCurrency(token: string): boolean {
  return !SHARED_SYMBOLS[token.trim().toLowerCase()] && currencyOf(token) !== null;
}

const BY_COUNTRY = new Map<string, string>();
for (const c of CURRENCIES) for (const country of c.countries) BY_COUNTRY.set(country, c.code);

/** The currency a country (as places.ts names it) pays in, or null. */
export function currencyOfCountry(country: string): string | null {
  return BY_COUNTRY.get(country) ?? null;
}

/** Approximate US dollars per unit, by code. */
export const USD_PER_UNIT: Readonly<Record<string, number>> = Object.fromEntries(CURRENCIES.map((c) => [c.code, c.usdPerUnit]));

// Codes that are also ordinary words in postings ("5 years of PHP"): known by name, never read as a sign.
const CODE_IS_A_WORD = new Set(['PHP']);


/** A pattern source for any sign or code (longest first, so "US$" wins over "$"); codes are upper case. */
export const CURRENCY_SIGN_SOURCE: string = wordsSource([
  ...CURRENCIES.flatMap((c) => [...c.symbols, ...(CODE_IS_A_WORD.has(c.code) ? [] : [c.code])]),
  ...Object.keys(SHARED_SYMBOLS).filter((s) => !/^[a-z]{4,}$/.test(s)),
]);

/** A pattern source for currency names ("euros", "reais", "dollars canadiens"), matched case-insensitively by callers. */
export const CURRENCY_NAME_SOURCE: string = wordsSource([
  ...CURRENCIES.flatMap((c) => c.names),
  ...Object.keys(SHARED_SYMBOLS).filter((s) => /^[a-z]{4,}$/.test(s)),
]);
