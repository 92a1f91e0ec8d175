// A header's pay chips and stray punctuation are never read as a company or a place.
import { describe, expect, it } from 'vitest';
import { parsePostings } from '../../src/postings/index.ts';

describe('header lines that carry pay', () => {
  it('a "Role at Company" line over a chip line with pay: the pay is no company and no place', () => {
    const [p] = parsePostings('*Kiln Technician* at Emberline Ceramics\nOn-site (Portland, OR) · USD 52,000 – 61,000 a year\nRequirements:\n• 2+ years with gas kilns');
    expect(p).toMatchObject({ title: 'Kiln Technician', company: 'Emberline Ceramics', workMode: 'onsite' });
    expect(p!.locations.join(' ')).not.toMatch(/\d/);
    expect(p!.salary).toMatchObject({ min: 52_000, max: 61_000, currency: 'USD', period: 'year' });
  });

  it('German: "Stelle bei Firma" with a pay chip', () => {
    const [p] = parsePostings('Elektroniker (m/w/d)\nStadtwerke Feldberg · München · 3.200 € – 3.900 € pro Monat\n\nIhre Aufgaben:\n- Wartung von Anlagen');
    expect(p!.company).toBe('Stadtwerke Feldberg');
    expect(p!.locations.join(' ')).not.toMatch(/\d/);
  });
});

describe('a company name has a letter or a digit', () => {
  it('punctuation left by a broken pipe header is no company', () => {
    const [p] = parsePostings(`Engineer\n${'; | '.repeat(50)}`);
    expect(p!.company).toBeNull();
  });
});
