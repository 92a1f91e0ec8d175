// The local console: the same answers as Slack, typed as "/jobs …" or "@openroles …" lines, printed as text.
// `/jobs` lines are read by the same command reader as the Slack command; questions share one thread memory.
import { createInterface } from 'node:readline';
import { ask, digestText, find, memoryThread, notHere, readCommand, renderText, type Answer, type AskContext, type ThreadMemory } from '../answers/index.ts';

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Shows a prompt when the input is a terminal. */
  interactive: boolean;
}

/** What the console can do beyond answering, when the app was started with it (a database, feeds). */
export interface ConsoleDeps {
  digest?: { command(text: string, who: { userId: string; channelId: string }): Promise<Answer | null> };
  refresh?(userId: string): Promise<Answer>;
}

export interface ConsoleState {
  lastQuery: string | null;
  offset: number;
  /** The console is one conversation: follow-ups refer to the last answer. */
  thread?: ThreadMemory;
}

/** The console user, as the digest service sees it. */
const WHO = { userId: 'console', channelId: 'console' };

/** Handles one console line; returns the text to print, or null to quit. */
export async function consoleLine(line: string, ctx: AskContext, state: ConsoleState, deps: ConsoleDeps = {}): Promise<string | null> {
  const t = line.trim();
  if (!t) return '';
  if (/^(quit|exit|\\q)$/i.test(t)) return null;
  if (/^more$/i.test(t)) return more(ctx, state);
  const slash = /^\/jobs\b\s*(.*)$/i.exec(t);
  if (slash) {
    const cmd = readCommand(slash[1]!);
    if (cmd.kind === 'help') return renderText(ask('help', ctx));
    if (cmd.kind === 'more') return more(ctx, state);
    if (cmd.kind === 'search') {
      state.lastQuery = cmd.query;
      state.offset = 0;
      return renderText(find(cmd.query, ctx));
    }
    if (cmd.kind === 'refresh' && deps.refresh) return renderText(await deps.refresh(WHO.userId));
    const forDigest = digestText(cmd);
    const a = forDigest && deps.digest ? await deps.digest.command(forDigest, WHO) : null;
    return renderText(a ?? notHere(cmd) ?? find(slash[1]!, ctx));
  }
  return renderText(ask(t.replace(/^@\S+\s*/, ''), { ...ctx, thread: state.thread ?? ctx.thread }));
}

function more(ctx: AskContext, state: ConsoleState): string {
  if (!state.lastQuery) return 'Nothing to continue: search with /jobs first.';
  state.offset += ctx.limit ?? 5;
  return renderText(find(state.lastQuery, ctx, state.offset));
}

/** Runs the console until the input ends or the user quits. */
export async function runConsole(ctx: () => AskContext, io: ConsoleIO, deps: ConsoleDeps = {}): Promise<void> {
  const rl = createInterface({ input: io.input, terminal: false });
  const state: ConsoleState = { lastQuery: null, offset: 0, thread: memoryThread() };
  const write = (s: string): void => void io.output.write(s);
  if (io.interactive) {
    write('openroles console — type "/jobs remote ranking", "@openroles what does the beehiiv role pay?", "more", or "quit".\n> ');
  }
  for await (const line of rl) {
    const out = await consoleLine(line, ctx(), state, deps);
    if (out === null) break;
    if (out) write(`${out}\n\n`);
    if (io.interactive) write('> ');
  }
  rl.close();
}
