// What a thread remembers between questions, so "and is it remote?" refers to the roles of the previous answer.
// The answer layer sees only this interface; the SQLite store (src/store/threads.ts) and tests provide it.
import type { Intent } from './types.ts';

export interface Recall {
  /** The roles the previous answer named, in the order it named them. */
  roleIds: string[];
  intent: Intent;
  /** The previous question, as typed: a follow-up with nothing of its own ("how many are there?") asks it again. */
  text: string;
}

export interface ThreadMemory {
  recall(): Recall | null;
  remember(r: Recall): void;
}

/** A thread kept in memory: the console's single conversation, and tests. */
export function memoryThread(): ThreadMemory {
  let last: Recall | null = null;
  return { recall: () => last, remember: (r) => void (last = r) };
}
