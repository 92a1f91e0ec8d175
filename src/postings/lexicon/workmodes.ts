// The one list of work-mode words in English, German, French, Spanish and Portuguese: short labels (a board's chip,
// a feed's field, a word in a question) and the phrases by which a posting states its own role's arrangement.
import type { WorkMode } from '../schema.ts';
import { fold } from '../text.ts';
import { wordsSource } from './pattern.ts';

/** Labels that name a mode by themselves: "Remote", "Hybrid", "On-site", "Homeoffice", "Présentiel", "Remoto". */
export const WORK_MODE_LABELS: Readonly<Record<WorkMode, readonly string[]>> = {
  remote: [
    'remote', 'fully remote', 'full remote', '100% remote', 'remote only', 'remote ok', 'remotely', 'wfh', 'work from home', 'anywhere',
    'vollständig remote', 'télétravail complet', 'télétravail total', 'à distance', '100% télétravail',
    'remoto', 'teletrabajo', 'trabajo remoto', '100% remoto', 'trabalho remoto', 'home office 100%',
  ],
  hybrid: [
    'hybrid', 'hybrides arbeiten', 'hybride', 'mobiles arbeiten', 'homeoffice', 'home-office', 'teilweise homeoffice', 'télétravail', 'télétravail partiel', 'télétravail possible', 'híbrido', 'hibrido', 'semipresencial', 'semi-presencial',
  ],
  onsite: [
    'onsite', 'on-site', 'on site', 'in-office', 'in office', 'office', 'in person', 'in-person', 'office-based',
    'vor ort', 'präsenz', 'sur site', 'présentiel', 'en présentiel', 'presencial', '100% presencial',
  ],
};

const BY_LABEL = new Map<string, WorkMode>();
for (const [mode, labels] of Object.entries(WORK_MODE_LABELS) as Array<[WorkMode, readonly string[]]>) {
  for (const l of labels) BY_LABEL.set(fold(l), mode);
}

/** The mode a label names ("On-site" → onsite, "Télétravail partiel" → hybrid, "REMOTE" → remote), or null. */
export function workModeOf(label: string | null | undefined): WorkMode | null {
  if (!label) return null;
  const f = fold(label).replace(/[()[\].:;!]/g, ' ').replace(/\s+/g, ' ').trim();
  // "On-site" is also known as "on site"; without a hyphen the second look would be the first again.
  return BY_LABEL.get(f) ?? (f.includes('-') ? BY_LABEL.get(f.replace(/-/g, ' ')) : undefined) ?? null;
}

/** What stands before a mode word used as a tag: "(Hybrid", "| Remote", " - On-site". */
export const PHRASE_TAG_MARK = String.raw`(?<=\(|\|\s?|\s[-–—]\s)`;

/**
 * Phrases by which a posting states its own role's arrangement, per mode, as pattern sources (matched whole-word,
 * case-insensitively). "a remote, cross-functional team" or a company's general policy says nothing of the kind.
 */
export const WORK_MODE_PHRASES: Readonly<Record<WorkMode | 'fullyRemote', readonly string[]>> = {
  /** Said of the role outright; these win over the hybrid words ("100% Homeoffice" is remote). */
  fullyRemote: [
    String.raw`fully[- ]remote`, String.raw`100 ?% remote`, String.raw`remote[- ]only`, String.raw`#li-remote`, String.raw`work location: remote`, String.raw`work remotely: yes`,
    String.raw`(?:100 ?%|full|vollständig(?:es)?|komplett(?:es)?) (?:homeoffice|home office|home-office|remote|t[eé]l[eé]travail|remoto|teletrabajo)`,
    String.raw`t[eé]l[eé]travail (?:complet|total|à 100 ?%)`, String.raw`(?:role|position|job) is (?:fully )?remote`,
  ],
  hybrid: [
    String.raw`${PHRASE_TAG_MARK}hybrid(?=\s*(?:\)|\||\s[-–—]\s|[.,;]|$))`,
    // English "hybrid" alone is as often a cloud, a meeting or a course; it must be said of the work.
    String.raw`hybrid[- ](?:role|position|job|work(?:ing|s)?(?![- ]?place)|schedule|model|arrangement|opportunity|remote|office|on-?site|in-office|setting)`,
    String.raw`(?:is|be|work|working|are|remain|location:?|arrangement:?|schedule:?|type:?) hybrid`, String.raw`hybrid \(`, String.raw`hybrid in`,
    String.raw`#li-hybrid`, String.raw`hybride?s? (?:arbeit\w*|modell?\w*|arbeitsmodell\w*|arbeitsweise|working)`, String.raw`(?:poste|travail|mode) hybride`,
    String.raw`h[ií]brid[oa]s?`, String.raw`semi-?presencial`,
    String.raw`t[eé]l[eé]travail (?:partiel|possible|occasionnel|\d+ ?(?:jours?|j)\b[^.\n]{0,20})`, String.raw`jours? de t[eé]l[eé]travail`,
    // German Homeoffice and mobile work are options beside an office unless the text says fully remote.
    String.raw`home-?office`, String.raw`mobiles? arbeiten`, String.raw`mobile arbeit`, String.raw`t[eé]l[eé]travail(?:ler)?`,
    String.raw`teletrabajo parcial`, String.raw`in[- ]office \d+ days`, String.raw`\d+ days (?:a|per) week in (?:the )?office`, String.raw`\d+ days in[- ]office`,
  ],
  remote: [
    // A tag: "Engineers - REMOTE (US).", "| Remote |", "(remote)".
    String.raw`${PHRASE_TAG_MARK}remote(?=\s*(?:\(|\)|\||\s[-–—]\s|[.,;]|$))`,
    String.raw`remote[- ]first`, String.raw`work from anywhere`, String.raw`work from home`, String.raw`wfh`, String.raw`remote (?:role|position|job|opportunity|work is possible)`,
    String.raw`(?:is|are) remote[- ](?:based|friendly)`, String.raw`work(?:ing)? remotely (?:from|in|within)`,
    String.raw`can be (?:done |performed )?remote(?:ly)?`, String.raw`open to remote`, String.raw`working from home`,
    // Remote offered as the role's option: "remote work possible for the right candidate", "remote work options".
    String.raw`remote work (?:is )?(?:possible|options?|available|considered)`, String.raw`(?:option|possibility) (?:to|of) (?:work(?:ing)?|operate|operating) remotely`,
    String.raw`(?:continue to )?(?:work|operate) remotely(?!\s*:)`, String.raw`(?:will |would )?consider(?:ed)? remote`, String.raw`all[- ]remote`, String.raw`#remote`,
    String.raw`remote (?:options?|opportunit\w+|(?:work )?arrangements?|flexibility|work (?:as needed|flexibility|may be available))`, String.raw`work remote flexibility`,
    String.raw`(?:work|role|position|job|this) (?:is|will be|could be|can be|is currently|is mostly|is going to be) (?:mostly |fully |currently |all-)?remote`,
    String.raw`remote ?\/ ?hybrid|hybrid ?\/ ?remote`, String.raw`remote work will be considered`, String.raw`remote\/home-based`, String.raw`trabajo remoto`, String.raw`trabalho remoto`, String.raw`vaga remota`, String.raw`remoto`,
  ],
  onsite: [
    String.raw`${PHRASE_TAG_MARK}(?:on-?site|in-person)(?=\s*(?:\)|\||\s[-–—]\s|[.,;]|$)|\s+\p{Lu})`,
    String.raw`on[- ]?site (?:role|position|job|in|at|from)`, String.raw`(?:role|position|job) is (?:fully )?(?:on[- ]?site|in[- ]office|office[- ]based)`,
    String.raw`fully on[- ]?site`, String.raw`100 ?% on[- ]?site`, String.raw`in[- ]office (?:role|position)`, String.raw`office[- ]based (?:role|position)`,
    String.raw`5 days (?:a|per) week in (?:the )?office`, String.raw`#li-onsite`, String.raw`on[- ]?site only`, String.raw`\((?:on[- ]?site|in[- ]person)\)`,
    // Indeed's own fields: "Work Location: In person" / "One location" / "On the road", "Work Remotely: No".
    String.raw`work location: (?:in[- ]person|on[- ]?site|one location|on the road|multiple locations)`, String.raw`work remotely: no`,
    String.raw`(?:physically )?located on[- ]?site`, String.raw`to work on[- ]?site`, String.raw`(?:\d|seven|five) days (?:a week )?on-?site`,
    String.raw`vor ort im büro`, String.raw`100 ?% presencial`, String.raw`vaga[^.\n]{0,20}presencial`, String.raw`(?:local de trabalho|modelo de trabalho|modalidade|regime):? presencial`, String.raw`trabajo presencial`, String.raw`modalidad presencial`, String.raw`sur site`, String.raw`en présentiel`,
  ],
};

/**
 * A board's own field, often glued to the text before it by scraping ("…8 hour shiftWork Location: In person"), so it
 * is matched without a word boundary in front.
 */
export const WORK_MODE_FIELDS: Readonly<Record<WorkMode, readonly string[]>> = {
  remote: [String.raw`(?:work )?location: (?:100 ?% |fully )?remote`, String.raw`work remotely: yes`],
  hybrid: [String.raw`(?:work )?location: hybrid`],
  onsite: [
    String.raw`(?:work )?location: (?:in[- ]person|on[- ]?site|one location|on the road|multiple locations)`,
    String.raw`work remotely: (?:no|on-?site)`,
  ],
};

/** Words that open a board's work-mode chip or place line ("Remote - US", "Híbrido", "On-site (Berlin)", "Télétravail"). */
export const WORK_MODE_CHIP_WORDS: readonly string[] = [
  'remote', 'remoto', 'remota', 'hybrid', 'hybride', 'híbrido', 'hibrido', 'híbrida', 'hibrida', 'onsite', 'on-site', 'presencial', 'télétravail', 'teletravail',
];

/** A line or field that starts with a work-mode word: a chip, never a title, company or team. */
export const WORK_MODE_CHIP_START = new RegExp(`^(?:${wordsSource(WORK_MODE_CHIP_WORDS)})(?![\\p{L}\\d])`, 'iu');
