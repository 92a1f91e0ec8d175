// Pay as real postings write it, in five languages: each case is a class of postings, not one posting.
import { describe, expect, it } from 'vitest';
import { parsePostings } from '../../src/postings/index.ts';

const pay = (text: string) => {
  const s = parsePostings(text)[0]!.salary;
  return s && { min: s.min, max: s.max, currency: s.currency, period: s.period };
};

describe('pay classes', () => {
  it.each([
    ['the body wins over a board badge under the title', 'Warehouse Associate\nNorthwind Logistics\nAustin, TX\n$30 - $40 an hour\n\nWe move parcels.\nJob Type: Full-time\nPay: $18.00 - $21.00 per hour\n', { min: 18, max: 21, currency: 'USD', period: 'hour' }],
    ['"up to" has no floor (pt)', 'Desenvolvedor Backend\nCasa Nova Tecnologia\nSão Paulo, Brasil\n\nSalário: até R$ 24.000 por mês\n', { min: null, max: 24_000, currency: 'BRL', period: 'month' }],
    ['"from" has no ceiling (en)', 'Line Cook\nBlue Door Diner\nDenver, CO\n\nPay: From $19.00 per hour\n', { min: 19, max: null, currency: 'USD', period: 'hour' }],
    ['"bis zu" has no floor (de)', 'Projektleiter (m/w/d)\nMüller Bau GmbH\nHamburg, Deutschland\n\nGehalt: bis zu 72.000 € brutto im Jahr\n', { min: null, max: 72_000, currency: 'EUR', period: 'year' }],
    ['"jusqu\'à" has no floor (fr)', 'Chef de projet\nAtelier Lumière\nLyon, France\n\nRémunération : jusqu\'à 55 000 € par an\n', { min: null, max: 55_000, currency: 'EUR', period: 'year' }],
    ['"hasta" has no floor (es)', 'Analista de Datos\nGrupo Andino\nMadrid, España\n\nSalario: hasta 40.000 € al año\n', { min: null, max: 40_000, currency: 'EUR', period: 'year' }],
    ['"k" on the upper end only', 'Platform Engineer\nOrbit Labs\nRemote (US)\n\nSalary: $114 - $148k\n', { min: 114_000, max: 148_000, currency: 'USD', period: 'year' }],
    ['a code after the range names its currency', 'Data Engineer\nMaple Analytics\nToronto, ON\n\nSalary: $125,000 - $140,000 CAD per year\n', { min: 125_000, max: 140_000, currency: 'CAD', period: 'year' }],
    ['"$" in an Australian posting is Australian dollars', 'Registered Nurse\nHarbour Health\nSydney, Australia\n\nSalary: $90,000 - $110,000 per year plus super\n', { min: 90_000, max: 110_000, currency: 'AUD', period: 'year' }],
    ['"P100,000" in the Philippines is pesos', 'Customer Success Lead\nIsland Outsourcing\nManila, Philippines\n\nSalary: P100,000 per month\n', { min: 100_000, max: 100_000, currency: 'PHP', period: 'month' }],
    ['"35K€" (fr)', 'Développeur Front-end\nStudio Bleu\nParis, France\n\nSalaire : 35K€ - 42K€ brut annuel\n', { min: 35_000, max: 42_000, currency: 'EUR', period: 'year' }],
    ['a range with its period on each end', 'Contract Analyst\nJudge Partners\nNashville, TN\n\nSalary: $60.00 USD Hourly - $65.00 USD Hourly\n', { min: 60, max: 65, currency: 'USD', period: 'hour' }],
    ['"mensal" (pt) and reais', 'Analista de Suporte\nRede Sul\nPorto Alegre, Brasil\n\nRemuneração: R$ 4.500 a R$ 5.500 mensal\n', { min: 4_500, max: 5_500, currency: 'BRL', period: 'month' }],
    ['Swiss francs by name (de)', 'Informatiker/in\nStadtwerke Bern\nBern, Schweiz\n\nLohn: 95\'000 - 110\'000 CHF pro Jahr\n', { min: 95_000, max: 110_000, currency: 'CHF', period: 'year' }],
    ['lakhs on the upper end only', 'Backend Engineer\nRupee Labs\nBengaluru, India\n\nCompensation: ₹40–60L base\n', { min: 4_000_000, max: 6_000_000, currency: 'INR', period: 'year' }],
    ['Swedish pay is monthly', 'Utvecklare\nNorrsken AB\nStockholm, Sweden\n\nLön: 42 000 SEK\n', { min: 42_000, max: 42_000, currency: 'SEK', period: 'month' }],
  ])('%s', (_name, text, expected) => {
    expect(pay(text)).toEqual(expected);
  });

  it.each([
    ['an equipment allowance (en)', 'Support Engineer\nAcme\nRemote (US)\n\nWe give every hire a $1,500 equipment allowance and a home office stipend.\n'],
    ['a benefit card (de)', 'Pflegefachfrau (w/m/d)\nKlinik Nord\nBerlin, Deutschland\n\nBenefits: Essenszuschuss und eine Benefit Card mit 50 € monatlich\n'],
    ['funding and revenue (en)', 'Founding Engineer\nRocketship\nSan Francisco, CA\n\nWe raised $20M in Series A funding and passed $5M in revenue last year.\n'],
    ['a sign-on bonus (en)', 'Bank Teller\nFirst River Bank\nOmaha, NE\n\nNew hires receive a $1,000 sign-on bonus.\n'],
    ['an allowance beside the pay (pt)', 'Analista de Dados\nCasa Nova\nRecife, Brasil\n\nBenefícios: auxílio home office de R$ 150 por mês e vale-refeição de R$ 900\n'],
    ['revenue (de)', 'Vertriebsleiter (m/w/d)\nNordlicht GmbH\nHamburg, Deutschland\n\nWir erzielen 20 Mio. € Umsatz im Jahr.\n'],
    ['a bonus (fr)', 'Commercial terrain\nAtelier Lumière\nLyon, France\n\nAvantages : prime de 1 500 € par an et tickets restaurant.\n'],
    ['a retirement match (en)', 'Accountant\nLedger & Co\nChicago, IL\n\nBenefits: 401(k) with a match of up to $5,000 a year\n'],
  ])('not pay: %s', (_name, text) => {
    expect(pay(text)).toBeNull();
  });
});
