// Years of experience as postings write them, in five languages.
import { describe, expect, it } from 'vitest';
import { parsePostings } from '../../src/postings/index.ts';

const years = (body: string) => parsePostings(`Account Manager\nAcme\nBoston, MA\n\nRequirements:\n${body}\n`)[0]!.yearsExperience;

describe('years classes', () => {
  it.each([
    ['1.5 years+ of experience in sales', 1],
    ['At least three years of experience managing accounts', 3],
    ['0 to 1 years of experience; new graduates welcome', 0],
    ['Two (2) years of experience in customer service', 2],
    ['Three to five (3-5) years of related experience', 3],
    ['5+ years of Python and 3+ years of SQL', 3],
    ['Years of Experience: 2 - 4', 2],
    ['Mindestens 2 Jahre Berufserfahrung im Vertrieb', 2],
    ['Sie bringen drei Jahre Erfahrung in der Pflege mit', 3],
    ['Au moins 3 ans d\'expérience en gestion de projet', 3],
    ['Tu justifies de 8 ans d\'expérience en Machine Learning', 8],
    ['Experiencia mínima de 2 años en un puesto similar', 2],
    ['Mínimo de 2 anos de experiência com atendimento', 2],
    ['Pelo menos 4 anos de experiência em desenvolvimento', 4],
  ])('%s → %d', (body, min) => {
    expect(years(body)?.min).toBe(min);
  });

  it.each([
    'Must be at least 18 years of age',
    'A 4 year degree in business',
    'For over 100 years our company has served the community',
    'Tutor children ages 5 to 12 years',
    'Sie haben mindestens 18 Jahre alt',
  ])('not experience: %s', (body) => {
    expect(years(body)).toBeNull();
  });
});
