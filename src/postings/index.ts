export { parsePostings, postingId, type ParseOptions } from './parse.ts';
export * from './schema.ts';
export { fold, foldKey } from './text.ts';
export { findSalaries, inferPeriod } from './salary.ts';
export { findSkills, SKILL_NAMES } from './skills.ts';
export { findPlace, placeAreas, PLACES } from './places.ts';
export { annualize, annualTopUSD, convert, formatMoney, formatRange, annualEquivalent, USD_PER_UNIT } from './pay.ts';
export { CURRENCY_WORDS, levelFromYears, PERIOD_WORDS, SENIORITY_WORDS, WORK_MODE_WORDS } from './lexicon.ts';
