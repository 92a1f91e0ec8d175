// The local console: the same answers as Slack, typed as "/jobs …" or "@openroles …" lines, printed as text.
import { createInterface } from 'node:readline';
import { ask, find, renderText, type AskContext } from '../answers/index.ts';

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Shows a prompt when the input is a terminal. */
  interactive: boolean;
}

/** Handles one console line; returns the text to print, or null to quit. */
export function consoleLine(line: string, ctx: AskContext, state: { lastQuery: string | null; offset: number }): string | null {
  const t = line.trim();
  if (!t) return '';
  if (/^(quit|exit|\\q)$/i.test(t)) return null;
  if (/^more$/i.test(t)) {
    if (!state.lastQuery) return 'Nothing to continue: search with /jobs first.';
    state.offset += ctx.limit ?? 5;
    return renderText(find(state.lastQuery, ctx, state.offset));
  }
  const slash = /^\/jobs\b\s*(.*)$/i.exec(t);
  if (slash) {
    const q = slash[1]!.trim();
    if (!q || /^help$/i.test(q)) return renderText(ask('help', ctx));
    state.lastQuery = q;
    state.offset = 0;
    return renderText(find(q, ctx));
  }
  return renderText(ask(t.replace(/^@\S+\s*/, ''), ctx));
}

/** Runs the console until the input ends or the user quits. */
export async function runConsole(ctx: () => AskContext, io: ConsoleIO): Promise<void> {
  const rl = createInterface({ input: io.input, terminal: false });
  const state = { lastQuery: null as string | null, offset: 0 };
  const write = (s: string): void => void io.output.write(s);
  if (io.interactive) {
    write('openroles console — type "/jobs remote ranking", "@openroles what does the beehiiv role pay?", "more", or "quit".\n> ');
  }
  for await (const line of rl) {
    const out = consoleLine(line, ctx(), state);
    if (out === null) break;
    if (out) write(`${out}\n\n`);
    if (io.interactive) write('> ');
  }
  rl.close();
}
