export { parsePostings, postingId, type ParseOptions } from './parse.ts';
export { mergePosting, type StructuredFields } from './merge.ts';
export * from './schema.ts';
export { fold, foldKey } from './text.ts';
export { findSalaries, inferPeriod } from './salary.ts';
export { findSkills, SKILL_NAMES } from './skills.ts';
export { findPlace, placeAreas, PLACES } from './places.ts';
export { annualize, annualTopUSD, convert, formatMoney, formatRange, annualEquivalent, USD_PER_UNIT } from './pay.ts';
export {
  CURRENCIES, CURRENCY_CODES, CURRENCY_NAME_SOURCE, CURRENCY_SIGN_SOURCE, SHARED_SYMBOLS, currencyByCode, currencyOf, currencyOfCountry,
  isSpecificCurrency, type Currency,
} from './lexicon/currencies.ts';
export { PAY_PERIODS, PER_WORDS, periodOf, type PeriodWords } from './lexicon/periods.ts';
export { WORK_MODE_LABELS, WORK_MODE_PHRASES, workModeOf } from './lexicon/workmodes.ts';
export { PROBLEM_CODES, ProblemCode, Problem, problem, hasProblem, problemText, upgradeStored } from './problems.ts';
export { YEAR_WORDS, YEAR_WORDS_SOURCE } from './lexicon/years.ts';
export { levelFromYears, QUESTION_WORK_MODES, SENIORITY_WORDS, THOUSAND_WORDS } from './lexicon/questions.ts';
