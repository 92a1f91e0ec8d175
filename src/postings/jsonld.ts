// schema.org JobPosting (JSON-LD, bare JSON, or embedded in an HTML page), mapped field by field.
import type { ParseOptions } from './parse.ts';
import { mergePosting, type StructuredFields } from './merge.ts';
import { periodOf } from './lexicon/periods.ts';
import type { Posting, SalaryRange } from './schema.ts';
import { htmlToText } from './text.ts';

type Json = Record<string, unknown>;

function jobPostingsIn(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) for (const v of value) jobPostingsIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Json;
    const type = o['@type'];
    if (type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'))) out.push(o);
    else if (o['@graph']) jobPostingsIn(o['@graph'], out);
  }
  return out;
}

function jsonBlocks(text: string): unknown[] {
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed)) {
    try {
      return [JSON.parse(trimmed)];
    } catch {
      return [];
    }
  }
  const out: unknown[] = [];
  for (const m of text.matchAll(/<script[^>]*type=["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      out.push(JSON.parse(m[1]!));
    } catch {
      // A broken block on a page is skipped; the page text is still parsed.
    }
  }
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[^\d.]/g, '')) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
};

function salaryFrom(v: unknown, estimated: boolean): SalaryRange[] {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  const out: SalaryRange[] = [];
  for (const s of list) {
    if (!s || typeof s !== 'object') continue;
    const o = s as Json;
    // A currency that is not an ISO code stays as written, so the merge reports it instead of guessing.
    const currency = (str(o.currency) ?? 'USD').toUpperCase();
    const value = (o.value && typeof o.value === 'object' ? o.value : o) as Json;
    let min = num(value.minValue) ?? num(value.value);
    let max = num(value.maxValue) ?? num(value.value);
    if (min === null && max === null) continue;
    if (min !== null && max !== null && min > max) [min, max] = [max, min];
    // unitText is HOUR, DAY, WEEK, MONTH or YEAR by the schema; pages also write "hourly" or "per month".
    const unit = str(value.unitText);
    const period = periodOf(unit) ?? 'year';
    out.push({
      min, max, currency, period,
      text: `${currency} ${min ?? ''}${max !== min ? `–${max ?? ''}` : ''} per ${period}`.replace(/\s+/g, ' '),
      estimated, periodInferred: unit === null,
    });
  }
  return out;
}

function address(loc: unknown): string | null {
  if (!loc || typeof loc !== 'object') return str(loc);
  const o = loc as Json;
  const a = (o.address && typeof o.address === 'object' ? o.address : o) as Json;
  const country = a.addressCountry && typeof a.addressCountry === 'object' ? str((a.addressCountry as Json).name) : str(a.addressCountry);
  const parts = [str(a.addressLocality), str(a.addressRegion), country].filter(Boolean) as string[];
  return parts.length ? [...new Set(parts)].join(', ') : str(o.name);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** JobPostings in JSON or embedded JSON-LD; null when the text holds none. `parseDesc` reads the description text. */
export function parseJsonPostings(text: string, opts: ParseOptions, parseDesc: (description: string) => Posting): Posting[] | null {
  if (!/JobPosting/.test(text)) return null;
  const jobs = jobPostingsIn(jsonBlocks(text));
  if (!jobs.length) return null;
  return jobs.map((job, index) => {
    const descHtml = str(job.description) ?? '';
    const title = str(job.title);
    const descText = `${title ?? ''}\n${/<[a-z]/i.test(descHtml) ? htmlToText(descHtml) : descHtml}`;
    const base = parseDesc(descText);
    const org = job.hiringOrganization;
    const exp = job.experienceRequirements;
    const months = exp && typeof exp === 'object' ? num((exp as Json).monthsOfExperience) : null;
    const edu = job.educationRequirements;
    const fields: StructuredFields = {
      id: index === 0 ? base.id : `${base.id}-${index}`,
      // Strings are trimmed and numbers kept as text; anything else goes to the merge as found, to be reported.
      title: typeof job.title === 'number' ? String(job.title) : job.title,
      company: org && typeof org === 'object' && !Array.isArray(org) ? (org as Json).name : org,
      locations: list(job.jobLocation).map(address).filter((x): x is string => !!x),
      workMode: /TELECOMMUTE/i.test(String(job.jobLocationType ?? '')) ? 'remote' : undefined,
      remoteRegions: list(job.applicantLocationRequirements).map((r) => (r && typeof r === 'object' ? str((r as Json).name) : str(r))).filter((x): x is string => !!x),
      salaries: [...salaryFrom(job.baseSalary, false), ...salaryFrom(job.estimatedSalary, true)],
      yearsExperience: months ? { min: Math.round(months / 12), max: null } : undefined,
      skills: list(job.skills).flatMap((s) => (typeof s === 'string' ? s.split(",").map((x) => x.trim()).filter(Boolean) : [])),
      education: edu && typeof edu === 'object' ? (edu as Json).credentialCategory : edu,
      employmentType: job.employmentType === undefined ? undefined : list(job.employmentType).join(' '),
      postedAt: job.datePosted,
      validThrough: job.validThrough,
      source: { file: opts.file ?? null, board: opts.board ?? base.source.board, ...(str(job.url) ? { url: str(job.url)! } : {}) },
    };
    return mergePosting(base, fields, 'the JSON-LD');
  });
}
