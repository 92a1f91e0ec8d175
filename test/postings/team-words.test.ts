// A title's tag that names how or on what terms one works is no team ("Analyst (Temporary)", "Engineer - Fully Remote").
import { describe, expect, it } from 'vitest';
import { parsePostings } from '../../src/postings/index.ts';
import { teamFromTitle } from '../../src/postings/identity.ts';

describe('team from a title', () => {
  it.each([
    'Data Analyst (Temporary)', 'Full-Stack Engineer (Contractor)', 'Quantitativer Analyst - Praktikum', 'Clinical Data Analyst (Intern)',
    'Backend Engineer (Fully Remote)', 'Data Engineer - Remote OK', 'Développeur (Télétravail partiel)', 'Analista (Híbrido)', 'Ingeniero (Presencial)',
    'Entwickler (m/w/d)',
  ])('%s has no team', (title) => {
    expect(teamFromTitle(title)).toBeNull();
  });

  it('keeps a real team', () => {
    expect(teamFromTitle('Senior ML Engineer, Relevance')).toBe('Relevance');
    expect(teamFromTitle('Engineer - Payments')).toBe('Payments');
  });

  it('leaves the team out of a parsed posting with a terms tag', () => {
    const [p] = parsePostings('Data Analyst (Temporary)\nGleaners Community Food Bank\nDetroit, MI\n\nAbout the role\nYou will build reports.\n');
    expect(p!.team).toBeNull();
  });
});
