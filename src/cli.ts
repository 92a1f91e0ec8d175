// Command line: parse and check posting files, ask a question, print the digest that would be posted.
import { readFile } from 'node:fs/promises';
import { basename, resolve as resolvePath } from 'node:path';
import { ask, renderText } from './answers/index.ts';
import { silentLogger } from './log.ts';
import { parsePostings, problemText } from './postings/index.ts';
import { answerMessage } from './slack/blocks.ts';
import { RoleIndex } from './search/index.ts';
import { Catalog } from './sources/catalog.ts';
import { PostingFolder } from './sources/folder.ts';

const DEV_CORPUS = '../shared/corpus/dev.jsonl';

const USAGE = `usage:
  openroles parse FILE...        print the parsed postings as a JSON array
  openroles check DIR            report, per file, what could not be found
  openroles ask "TEXT" [--json]  answer a question (plain text, or the Slack message as JSON)
  openroles digest               print the digest that would be posted now (no state changes)
  openroles eval [FILE.jsonl] [--misses=N] [--field=F] [--board=B] [--lang=L]
                                 parsing accuracy on labelled postings (default ${DEV_CORPUS})`;

async function loadIndex(dir: string): Promise<RoleIndex> {
  const index = RoleIndex.from([]);
  await new Catalog(dir, index, silentLogger()).load();
  return index;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const [cmd, ...args] = argv;
  const dir = process.env.POSTINGS_DIR || 'seeds';
  switch (cmd) {
    case 'parse': {
      if (!args.length) break;
      const all = [];
      let failed = 0;
      for (const file of args) {
        try {
          all.push(...parsePostings(await readFile(file, 'utf8'), { file: basename(file) }));
        } catch (e) {
          failed++;
          err.write(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
        }
      }
      out.write(`${JSON.stringify(all, null, 2)}\n`);
      return failed ? 1 : 0;
    }
    case 'check': {
      const target = args[0] ?? dir;
      const change = await new PostingFolder(resolvePath(target)).scan();
      let bad = 0;
      for (const r of change.read.sort((a, b) => a.file.localeCompare(b.file))) {
        if (!r.ok) {
          bad++;
          out.write(`✗ ${r.file}: skipped — ${r.error}\n`);
          continue;
        }
        for (const p of r.postings) {
          const name = `${p.title ?? 'untitled'}${p.company ? ` at ${p.company}` : ''}`;
          out.write(p.problems.length ? `• ${r.file} (${name}): ${problemText(p.problems)}\n` : `✓ ${r.file} (${name})\n`);
        }
      }
      if (!change.read.length) out.write(`no posting files in ${target}\n`);
      return bad ? 1 : 0;
    }
    case 'ask': {
      const json = args.includes('--json');
      const text = args.filter((a) => a !== '--json').join(' ');
      const a = ask(text, { index: await loadIndex(dir) });
      out.write(json ? `${JSON.stringify(answerMessage(a), null, 2)}\n` : `${renderText(a)}\n`);
      return 0;
    }
    case 'eval': {
      const { evaluate, formatReport, readRows, FIELDS } = await import('./eval/postings.ts');
      const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
      const file = args.find((a) => !a.startsWith('--')) ?? DEV_CORPUS;
      let rows;
      try {
        rows = readRows(file);
      } catch (e) {
        err.write(`openroles eval: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); name a labelled JSONL file\n`);
        return 1;
      }
      const board = opt('board');
      const lang = opt('lang');
      rows = rows.filter((r) => (!board || r.board === board) && (!lang || r.lang === lang));
      const field = opt('field') as (typeof FIELDS)[number] | undefined;
      if (field && !FIELDS.includes(field)) {
        err.write(`openroles eval: --field is one of ${FIELDS.join(', ')}\n`);
        return 2;
      }
      const misses = opt('misses');
      out.write(`${formatReport(evaluate(rows), { misses: misses === undefined ? undefined : Number(misses), field })}\n`);
      return 0;
    }
    case 'digest': {
      const { dryRunDigest } = await import('./digest/dry-run.ts');
      out.write(`${await dryRunDigest(dir)}\n`);
      return 0;
    }
  }
  err.write(`${USAGE}\n`);
  return cmd ? 2 : 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli.ts')) {
  // Exit only once stdout has drained: a pipe to a slower reader would otherwise lose all but its first 64 KiB.
  const exit = (code: number): void => void process.stdout.write('', () => process.exit(code));
  main(process.argv.slice(2)).then(exit, (e) => {
    process.stderr.write(`openroles: ${(e as Error).message}\n`);
    exit(1);
  });
}
