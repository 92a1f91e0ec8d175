// Postings of our own writing, one per format and language the parser must read.
import { describe, expect, it } from 'vitest';
import { parsePostings } from '../../src/postings/index.ts';
import { fixture } from '../helpers.ts';

const one = (name: string) => {
  const all = fixture(name);
  expect(all).toHaveLength(1);
  return all[0]!;
};
const pay = (p: { salaries: Array<{ min: number | null; max: number | null; currency: string; period: string; periodInferred: boolean }> }) =>
  p.salaries.map((s) => [s.min, s.max, s.currency, s.period, s.periodInferred]);

describe('formats', () => {
  it('markdown with headings, bold company chip and remote region', () => {
    const p = one('markdown-backend-remote-eu.md');
    expect(p).toMatchObject({ title: 'Senior Backend Engineer (Payments)', company: 'Lumen Pay', team: 'Payments', workMode: 'remote', remoteRegions: ['Europe'], employmentType: 'full-time' });
    expect(pay(p)).toEqual([[70000, 85000, 'EUR', 'year', false]]);
    expect(p.niceToHave).toEqual(['Experience with PCI DSS', 'Some TypeScript']);
    expect(p.skills).toEqual(expect.arrayContaining(['Go', 'Rust', 'PostgreSQL', 'Kafka', 'Kubernetes', 'Terraform']));
  });

  it('simple HTML with entities and a salary inside the benefits list', () => {
    const p = one('html-data-scientist-london.html');
    expect(p).toMatchObject({ title: 'Data Scientist, Growth', company: 'Northwind Analytics', team: 'Growth', workMode: 'hybrid', locations: ['London, UK'] });
    expect(pay(p)).toEqual([[50000, 60000, 'GBP', 'year', false]]);
    expect(p.yearsExperience).toEqual({ min: 3, max: 5 });
    expect(p.requirements).toContain('Strong Python & SQL');
    expect(p.benefits).toEqual(['Private healthcare']);
  });

  it('German: headers, dotted thousands, currency after the amount', () => {
    const p = one('german-frontend-berlin.txt');
    expect(p).toMatchObject({ company: 'Brightwave GmbH', workMode: 'hybrid', locations: ['Berlin'], employmentType: 'full-time' });
    expect(p.title).toMatch(/^Frontend-Entwickler \(m\/w\/d\)/);
    expect(pay(p)).toEqual([[60000, 75000, 'EUR', 'year', false]]);
    expect(p.yearsExperience).toEqual({ min: 3, max: null });
    expect(p.responsibilities).toHaveLength(2);
    expect(p.requirements).toHaveLength(3);
    expect(p.education).toMatch(/Studium der Informatik/);
  });

  it('French: labelled facts, spaced thousands, "entre … et …", partial remote work', () => {
    const p = one('french-data-engineer-paris.txt');
    expect(p).toMatchObject({ company: 'Clairvoyance', seniority: 'senior', workMode: 'hybrid', locations: ['Paris, France'], employmentType: 'full-time' });
    expect(pay(p)).toEqual([[55000, 65000, 'EUR', 'year', false]]);
    expect(p.yearsExperience).toEqual({ min: 5, max: 5 });
    expect(p.skills).toEqual(expect.arrayContaining(['Airflow', 'Spark', 'BigQuery', 'Python', 'SQL']));
  });

  it('Spanish: "brutos anuales" and an on-site role', () => {
    const p = one('spanish-devops-madrid.txt');
    expect(p).toMatchObject({ title: 'Ingeniero DevOps', company: 'Nubaria', workMode: 'onsite', locations: ['Madrid, España'] });
    expect(pay(p)).toEqual([[40000, 50000, 'EUR', 'year', false]]);
    expect(p.yearsExperience).toEqual({ min: 4, max: null });
  });

  it('Portuguese: a Brazilian salary with no period is a month, marked as inferred', () => {
    const p = one('portuguese-android-sao-paulo.txt');
    expect(p).toMatchObject({ company: 'Vento Digital', seniority: 'mid', workMode: 'hybrid' });
    expect(pay(p)).toEqual([[8000, 11000, 'BRL', 'month', true]]);
    expect(p.skills).toEqual(expect.arrayContaining(['Kotlin', 'Java', 'Android']));
  });

  it('India: lakhs per annum, numbered lists, on-site in the location', () => {
    const p = one('india-ml-bangalore.txt');
    expect(p).toMatchObject({ company: 'Sarvam Retail', seniority: 'mid', workMode: 'onsite', locations: ['Bengaluru, India'] });
    expect(pay(p)).toEqual([[2500000, 3500000, 'INR', 'year', false]]);
    expect(p.responsibilities).toHaveLength(2);
    expect(p.requirements).toEqual(['2-4 years of experience in machine learning', 'Python, SQL, Spark']);
  });

  it('hourly contract: the period is an hour, never guessed as a year', () => {
    const p = one('contract-hourly-designer.txt');
    expect(p).toMatchObject({ company: 'Fernhill Studio', workMode: 'remote', remoteRegions: ['United States'], employmentType: 'contract' });
    expect(pay(p)).toEqual([[55, 55, 'USD', 'hour', false]]);
    expect(p.requirements).toEqual(['4+ years of product design experience', 'Expert in Figma']);
  });

  it('a whole posting on one line', () => {
    const p = one('one-line-glued.txt');
    expect(p).toMatchObject({ title: 'Staff Software Engineer, Search', company: 'Orbitly', seniority: 'staff' });
    expect(p.requirements).toEqual(['8+ years building large-scale systems', 'Deep experience with Elasticsearch and Java', 'Strong communication skills']);
    expect(p.responsibilities).toEqual(['Own the search relevance roadmap', 'Mentor engineers across teams']);
    expect(p.benefits).toEqual(['Competitive salary', 'Unlimited PTO']);
    expect(pay(p)).toEqual([[180000, 220000, 'USD', 'year', false]]);
  });

  it('"Not listed", funding and ARR are not pay; "a remote team" is not a remote role', () => {
    const p = one('salary-not-listed-remote-team.txt');
    expect(p).toMatchObject({ title: 'Engineering Manager, Platform', company: 'Tidewater', seniority: 'manager', salary: null, workMode: null });
    expect(p.problems.map((x) => x.code)).toContain('no-salary');
  });

  it('a "who is hiring" post with three roles gives three postings with their own ids', () => {
    const all = fixture('hn-who-is-hiring.txt');
    expect(all.map((p) => p.title)).toEqual(['Senior Backend Engineer', 'Frontend Engineer', 'Data Engineer']);
    for (const p of all) {
      expect(p).toMatchObject({ company: 'Quarry Labs', workMode: 'remote', remoteRegions: ['United States', 'Canada'], employmentType: 'full-time' });
      expect(pay(p)).toEqual([[150000, 190000, 'USD', 'year', true]]);
    }
    expect(new Set(all.map((p) => p.id)).size).toBe(3);
  });

  it('schema.org JobPosting JSON maps field by field', () => {
    const p = one('jsonld-sre.json');
    expect(p).toMatchObject({
      title: 'Site Reliability Engineer', company: 'Stackwell', workMode: 'remote', remoteRegions: ['Canada'], employmentType: 'full-time',
      postedAt: '2026-11-01', validThrough: '2026-12-31T00:00',
    });
    expect(pay(p)).toEqual([[140000, 170000, 'CAD', 'year', false]]);
    expect(p.requirements).toEqual(['4+ years operating Kubernetes in production', 'Strong Go or Python']);
    expect(p.skills).toEqual(expect.arrayContaining(['Go', 'Kubernetes', 'Prometheus']));
  });

  it('an HTML page that embeds JSON-LD uses it, and estimatedSalary is marked estimated', () => {
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org', '@type': 'JobPosting', title: 'QA Analyst', hiringOrganization: { name: 'Testify' },
      jobLocation: { '@type': 'Place', address: { addressLocality: 'Austin', addressRegion: 'TX', addressCountry: 'US' } },
      estimatedSalary: { currency: 'USD', value: { minValue: 30, maxValue: 40, unitText: 'HOUR' } }, description: 'Test our apps.',
    })}</script></head><body><p>Apply now</p></body></html>`;
    const [p] = parsePostings(html, { file: 'page.html' });
    expect(p).toMatchObject({ title: 'QA Analyst', company: 'Testify', locations: ['Austin, TX, US'] });
    expect(p!.salary).toMatchObject({ min: 30, max: 40, period: 'hour', estimated: true });
  });
});

describe('ids', () => {
  it('are stable for the same file across runs and differ between files', () => {
    const a = parsePostings('Senior Engineer\nAcme', { file: 'a.txt' })[0]!;
    const b = parsePostings('Senior Engineer at Acme, changed text', { file: 'a.txt' })[0]!;
    const c = parsePostings('Senior Engineer\nAcme', { file: 'b.txt' })[0]!;
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
  });
});

describe('lost dashes in years', () => {
  it('puts a dash back only where "NM years" cannot be meant literally', () => {
    const [p] = parsePostings('Data Engineer\nAcme\n\nRequirements\n- 35 years of SQL\n- 12 years is not asked, but 15 years of Python is fine\n- 4-7 years building pipelines\n- $47 years is odd money talk');
    expect(p!.requirements).toEqual(['3–5 years of SQL', '12 years is not asked, but 15 years of Python is fine', '4-7 years building pipelines', '$47 years is odd money talk']);
    expect(p!.yearsExperience).toEqual({ min: 3, max: 5 });
  });
});
