// Word lists as pattern sources: escaped, longest first, so "US$" is tried before "$" and "per annum" before "per".

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of the words, escaped and longest first (no group around it). */
export function wordsSource(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}
