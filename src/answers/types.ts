// Slack-free answers: structured parts that the Slack and console front ends render in their own way.
import type { LeftOut } from '../search/index.ts';

export type Intent =
  | 'find'
  | 'pay'
  | 'requirements'
  | 'years'
  | 'skills'
  | 'compare'
  | 'count'
  | 'hiring'
  | 'newest'
  | 'yesno'
  | 'help'
  | 'smalltalk'
  | 'fallback'
  | 'clarify'
  | 'none';

/** One role as a card: everything a reader needs to decide whether to open it. */
export interface RoleCard {
  id: string;
  title: string;
  company: string;
  location: string;
  workMode: string;
  pay: string;
  /** e.g. "≈ $114k a year", or "two different ranges are stated". */
  payNote: string | null;
  requirements: string[];
  /** Why it matched: terms, fields, filters. */
  why: string | null;
  posted: string | null;
}

export type Part =
  | { type: 'text'; text: string }
  | { type: 'roles'; roles: RoleCard[] }
  | { type: 'list'; title: string; items: string[]; more: number }
  | { type: 'facts'; title: string; facts: Array<[string, string]> }
  | { type: 'compare'; roles: RoleCard[]; rows: Array<{ label: string; values: string[] }> }
  | { type: 'note'; text: string };

/** A page of results that can continue ("More"). */
export interface Paging {
  query: string;
  offset: number;
  limit: number;
  total: number;
}

export interface Answer {
  intent: Intent;
  /** One line that says what this is ("4 roles match remote ranking"). */
  heading: string;
  parts: Part[];
  paging: Paging | null;
  leftOut: LeftOut[];
  /** The roles this answer is about, so a front end can offer Details or Share. */
  roleIds: string[];
}
