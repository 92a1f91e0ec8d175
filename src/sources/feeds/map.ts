// Shared mapping for feeds: description text goes through the text parser; the feed's structured fields win.
import { htmlToText, decodeEntities } from '../../postings/text.ts';
import { currencyOf, mergePosting, parsePostings, postingId, type PayPeriod, type Posting, type SalaryRange, type WorkMode } from '../../postings/index.ts';

export interface FeedFields {
  externalId: string;
  title: string;
  company: string;
  team?: string | null;
  locations?: string[];
  workMode?: WorkMode | null;
  remoteRegions?: string[];
  salaries?: SalaryRange[];
  employment?: string | null;
  postedAt?: string | null;
  validThrough?: string | null;
  url?: string | null;
  /** HTML or text of the description, possibly entity-escaped HTML (Greenhouse). */
  description: string;
  /** Extra sections some feeds keep apart (Lever's lists), as "Header" → HTML. */
  sections?: Array<{ title: string; html: string }>;
}

/** The text the parser reads: title line, then the description and any separate sections. */
function descriptionText(f: FeedFields): string {
  let html = f.description;
  if (/&lt;[a-z]/i.test(html)) html = decodeEntities(html);
  const body = /<[a-z]/i.test(html) ? htmlToText(html) : html;
  const extra = (f.sections ?? []).map((s) => `\n${s.title}:\n${/<[a-z]/i.test(s.html) ? htmlToText(s.html) : s.html}`).join('\n');
  return `${f.title}\n${f.company}\n\n${body}${extra}`;
}

/** A Posting from a feed entry; the id is stable for the same feed and entry. */
export function feedPosting(feed: string, f: FeedFields): Posting {
  const base = parsePostings(descriptionText(f), { file: `${feed}#${f.externalId}`, board: feed.split(':')[0] ?? null })[0]!;
  return mergePosting(base, {
    id: postingId(`${feed}#${f.externalId}`, 0, ''),
    title: f.title,
    company: f.company,
    team: f.team || undefined,
    locations: f.locations,
    workMode: f.workMode,
    remoteRegions: f.remoteRegions,
    salaries: f.salaries,
    employmentType: f.employment,
    postedAt: f.postedAt,
    validThrough: f.validThrough,
    source: { file: feed, board: feed.split(':')[0] ?? null, ...(f.url ? { url: f.url } : {}) },
  }, 'the feed');
}

/**
 * A range from a feed's numbers, with the period as the feed names it (read with the postings' `periodOf`). The
 * currency is read with the postings' currency list ("usd", "C$"); an unknown three-letter code stays as written.
 */
export function feedSalary(min: number | null | undefined, max: number | null | undefined, currency: string | null | undefined, period: PayPeriod | null, text: string): SalaryRange | null {
  const lo = typeof min === 'number' && min > 0 ? min : null;
  const hi = typeof max === 'number' && max > 0 ? max : null;
  if (lo === null && hi === null) return null;
  const code = currencyOf(currency) ?? (currency ?? 'USD').toUpperCase();
  return {
    min: lo !== null && hi !== null ? Math.min(lo, hi) : lo,
    max: lo !== null && hi !== null ? Math.max(lo, hi) : hi,
    currency: /^[A-Z]{3}$/.test(code) ? code : 'USD',
    period: period ?? 'year',
    text,
    estimated: false,
    periodInferred: period === null,
  };
}
