// The one list of words for a year of experience, as postings write them after a number ("5+ years", "3 Jahre",
// "2 ans", "3 años", "2 anos"), in the five languages.
import { wordsSource } from './pattern.ts';

export const YEAR_WORDS: readonly string[] = [
  'years', 'year', 'yrs', 'yr',
  'jahren', 'jahre', 'jahres', 'jahr',
  'années', 'année', 'annees', 'annee', 'ans', 'an',
  'años', 'año', 'anos', 'ano',
];

/** An alternation of the year words, longest first (no group around it). */
export const YEAR_WORDS_SOURCE: string = wordsSource(YEAR_WORDS);
