// The domain's word lists, as the parser, the query language and the feed mappers read them.
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, currencyOf, currencyOfCountry, isSpecificCurrency, periodOf, USD_PER_UNIT, workModeOf } from '../../src/postings/index.ts';

describe('currencies', () => {
  it.each([
    ['$', 'USD'], ['US$', 'USD'], ['CA$', 'CAD'], ['R$', 'BRL'], ['€', 'EUR'], ['eur', 'EUR'], ['Euro', 'EUR'], ['euros', 'EUR'],
    ['£', 'GBP'], ['Pfund', 'GBP'], ['livres sterling', 'GBP'], ['₹', 'INR'], ['rupias', 'INR'], ['CHF', 'CHF'], ['Franken', 'CHF'],
    ['reais', 'BRL'], ['dólares', 'USD'], ['₱', 'PHP'], ['zł', 'PLN'], ['bolivianos', 'BOB'], ['XYZ', null], ['', null],
  ])('%s → %s', (token, code) => {
    expect(currencyOf(token)).toBe(code);
  });

  it('a shared sign takes the local currency when it can mean it', () => {
    expect(currencyOf('$', 'AUD')).toBe('AUD');
    expect(currencyOf('$', 'EUR')).toBe('USD');
    expect(currencyOf('kr', 'NOK')).toBe('NOK');
    expect(isSpecificCurrency('$')).toBe(false);
    expect(isSpecificCurrency('CAD')).toBe(true);
  });

  it('places and rates', () => {
    expect(currencyOfCountry('Australia')).toBe('AUD');
    expect(currencyOfCountry('Germany')).toBe('EUR');
    expect(currencyOfCountry('Philippines')).toBe('PHP');
    expect(currencyOfCountry('Atlantis')).toBeNull();
    for (const code of CURRENCY_CODES) expect(USD_PER_UNIT[code]).toBeGreaterThan(0);
  });
});

describe('pay periods', () => {
  it.each([
    ['hourly', 'hour'], ['per hour', 'hour'], ['/hr', 'hour'], ['pro Stunde', 'hour'], ['de l\'heure', 'hour'], ['por hora', 'hour'],
    ['1 HOUR', 'hour'], ['per-hour-wage', 'hour'], ['daily', 'day'], ['par jour', 'day'], ['weekly', 'week'], ['por semana', 'week'],
    ['MONTH', 'month'], ['monatlich', 'month'], ['par mois', 'month'], ['mensal', 'month'], ['al mes', 'month'],
    ['per annum', 'year'], ['jährlich', 'year'], ['par an', 'year'], ['anual', 'year'], ['per-year-salary', 'year'], ['p.a.', 'year'],
    ['commission', null], ['', null],
  ])('%s → %s', (word, period) => {
    expect(periodOf(word)).toBe(period);
  });
});

describe('work-mode labels', () => {
  it.each([
    ['Remote', 'remote'], ['fully remote', 'remote'], ['Télétravail complet', 'remote'], ['trabalho remoto', 'remote'],
    ['Hybrid', 'hybrid'], ['hybride', 'hybrid'], ['Semipresencial', 'hybrid'], ['In-Office', 'onsite'], ['in person', 'onsite'],
    ['sur site', 'onsite'], ['Präsenz', 'onsite'], ['Full-time', null],
  ])('%s → %s', (label, mode) => {
    expect(workModeOf(label)).toBe(mode);
  });
});
