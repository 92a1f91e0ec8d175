// npm run bench: parse rate, index build, start-up from a saved index, heap, query p50/p99 at 1k/10k/100k
// beside a naive MiniSearch index, FlexSearch and Lunr, and the /jobs round trip beside a bare Bolt app.
import { App } from '@slack/bolt';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { performance } from 'node:perf_hooks';
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import { silentLogger } from '../src/log.ts';
import { parsePostings, type Posting } from '../src/postings/index.ts';
import { RoleIndex } from '../src/search/index.ts';
import { createSlackApp } from '../src/slack/app.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { generatePostings, renderPostingText, rng } from './corpus.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const args = process.argv.slice(2);
const SIZES = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1000,10000,100000').split(',').map(Number);
const QUICK = args.includes('--quick');
const ONLY = args.find((a) => a.startsWith('--only='))?.slice(7) ?? null;
const runs = (part: string): boolean => ONLY === null || ONLY === part;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const ms = (n: number): string => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(0));
const heapMB = (): number => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

/** 1,000 mixed queries: words, filters, typos. */
function queries(postings: Posting[], n = 1000): string[] {
  const r = rng(99);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const words = ['ranking', 'search', 'payments', 'python', 'kubernetes', 'data', 'backend', 'frontend', 'machine learning', 'growth', 'infrastructure', 'recommendations', 'design', 'security', 'mobile', 'platform'];
  const filters = ['remote', 'hybrid', 'senior', 'staff', '150k+', 'berlin', 'london', 'nyc', 'remote europe', 'go', 'pytorch', 'principal', '-ads'];
  const typo = (w: string): string => (w.length < 5 ? w : w.slice(0, 2) + w[3] + w[2] + w.slice(4));
  const companies = [...new Set(postings.map((p) => p.company!))];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    if (kind === 0) out.push(pick(words));
    else if (kind === 1) out.push(`${pick(filters)} ${pick(words)}`);
    else if (kind === 2) out.push(typo(pick(words)));
    else if (kind === 3) out.push(`${pick(filters)} ${pick(filters)} ${pick(words)}`);
    else out.push(`${pick(words)} at ${pick(companies).toLowerCase()}`);
  }
  return out;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

function runQueries(qs: string[], fn: (q: string) => unknown): { p50: number; p99: number } {
  for (const q of qs.slice(0, 50)) fn(q); // warm up
  const times = qs.map((q) => time(() => fn(q))[1]);
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

const TEXT_FIELDS = ['title', 'company', 'team', 'skills', 'locations', 'summary', 'requirements', 'responsibilities', 'niceToHave', 'benefits'];
const flat = (p: Posting): Record<string, string> => ({
  id: p.id, title: p.title ?? '', company: p.company ?? '', team: p.team ?? '', skills: p.skills.join(' '), locations: p.locations.join(' '), summary: p.summary,
  requirements: p.requirements.join(' '), responsibilities: p.responsibilities.join(' '), niceToHave: p.niceToHave.join(' '), benefits: p.benefits.join(' '),
});

function line(cells: Array<string | number>): void {
  console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 26 : 14)).join(''));
}

function benchParse(): void {
  const sample = generatePostings(400, 1).map((p) => renderPostingText(p, 5000));
  const n = QUICK ? 400 : 2000;
  for (const t of sample.slice(0, 50)) parsePostings(t);
  const [, elapsed] = time(() => {
    for (let i = 0; i < n; i++) parsePostings(sample[i % sample.length]!, { file: `f${i}.txt` });
  });
  console.log(`\nParse: ${n} postings of 5 KB in ${ms(elapsed)} ms → ${Math.round((n / elapsed) * 1000)} postings/s on one core (goal ≥ 2,000/s)`);
}

function benchSearch(size: number): void {
  console.log(`\n== ${size.toLocaleString('en-US')} postings ==`);
  const postings = generatePostings(size, 42);
  const qs = queries(postings);
  const base = heapMB();
  const [index, build] = time(() => RoleIndex.from(postings));
  const heap = heapMB() - base;
  const [saved, save] = time(() => JSON.stringify(index.toJSON()));
  const [, load] = time(() => RoleIndex.fromJSON(JSON.parse(saved)));
  const ours = runQueries(qs, (q) => index.search(q, { limit: 10 }));
  line(['', 'build ms', 'p50 ms', 'p99 ms', 'heap MB', 'p99 vs ours']);
  line(['openroles RoleIndex', ms(build), ms(ours.p50), ms(ours.p99), heap.toFixed(0), '1.0×']);
  console.log(`  start-up from a saved index: ${ms(load)} ms (saved ${(saved.length / 1e6).toFixed(1)} MB in ${ms(save)} ms)`);

  const docs = postings.map(flat);
  const b0 = heapMB();
  const [naive, nb] = time(() => {
    const m = new MiniSearch({ fields: TEXT_FIELDS, storeFields: ['id'] });
    m.addAll(docs);
    return m;
  });
  const nh = heapMB() - b0;
  const nq = runQueries(qs, (q) => naive.search(q, { prefix: true, fuzzy: 0.2 }).slice(0, 10));
  line(['naive MiniSearch', ms(nb), ms(nq.p50), ms(nq.p99), nh.toFixed(0), `${(nq.p99 / ours.p99).toFixed(1)}×`]);

  const f0 = heapMB();
  const [flex, fb] = time(() => {
    const d = new FlexSearch.Document({ document: { id: 'id', index: TEXT_FIELDS }, tokenize: 'forward' });
    for (const doc of docs) d.add(doc);
    return d;
  });
  const fh = heapMB() - f0;
  const fq = runQueries(qs, (q) => flex.search(q, { limit: 10 }));
  line(['FlexSearch (forward)', ms(fb), ms(fq.p50), ms(fq.p99), fh.toFixed(0), `${(fq.p99 / ours.p99).toFixed(1)}×`]);

  if (size <= 10_000) {
    const l0 = heapMB();
    const [lidx, lb] = time(() =>
      lunr(function () {
        this.ref('id');
        for (const f of TEXT_FIELDS) this.field(f);
        for (const d of docs) this.add(d);
      }),
    );
    const lh = heapMB() - l0;
    const clean = (q: string): string => q.replace(/[:+~^*-]/g, ' ').trim() || 'x';
    const lq = runQueries(qs, (q) => lidx.search(clean(q)).slice(0, 10));
    line(['Lunr', ms(lb), ms(lq.p50), ms(lq.p99), lh.toFixed(0), `${(lq.p99 / ours.p99).toFixed(1)}×`]);
  } else {
    console.log('  Lunr: skipped at this size (its build takes minutes)');
  }
  console.log(`  goals: p99 ≤ ${size >= 100_000 ? 100 : 10} ms${size >= 100_000 ? ', build ≤ 5 s, heap ≤ 250 MB' : ''}; ≥ 3× faster than naive at p99`);
}

const SECRET = 'bench-signing-secret-0123456789';
function signed(body: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}` };
}

async function roundTrips(port: number, n: number): Promise<{ p50: number; p99: number }> {
  const qs = queries(generatePostings(200, 3), n);
  const times: number[] = [];
  for (let i = 0; i < n + 30; i++) {
    const body = new URLSearchParams({ command: '/jobs', text: qs[i % qs.length]!, user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: 'http://127.0.0.1:9/x', trigger_id: 't' }).toString();
    const t0 = performance.now();
    const r = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body, headers: signed(body) });
    await r.text();
    if (i >= 30) times.push(performance.now() - t0);
  }
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

async function benchRoundTrip(): Promise<void> {
  const slack = await new FakeSlack().start();
  const index = RoleIndex.from(generatePostings(10_000, 42));
  const n = QUICK ? 200 : 1000;
  const config = { mode: 'http' as const, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_APP_TOKEN: undefined, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, PORT: 0, HOST: '127.0.0.1' };
  const ours = createSlackApp(config, { ctx: () => ({ index }), log: silentLogger() });
  const port = (await ours.start())!;
  const bare = new App({ token: 'xoxb-bench', signingSecret: SECRET, clientOptions: { slackApiUrl: `${slack.url}/api/` }, logLevel: 'error' as never });
  bare.command('/jobs', async ({ ack }) => ack());
  const bareServer = (await bare.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as Server;
  const barePort = (bareServer.address() as { port: number }).port;
  // In turn, twice, so neither gets the warm machine alone.
  const a1 = await roundTrips(barePort, n / 2);
  const o1 = await roundTrips(port, n / 2);
  const a2 = await roundTrips(barePort, n / 2);
  const o2 = await roundTrips(port, n / 2);
  const bareP = { p50: (a1.p50 + a2.p50) / 2, p99: (a1.p99 + a2.p99) / 2 };
  const oursP = { p50: (o1.p50 + o2.p50) / 2, p99: (o1.p99 + o2.p99) / 2 };
  console.log(`\n/jobs round trip over loopback, 10k postings, ${n} requests each, signed:`);
  line(['', 'p50 ms', 'p99 ms']);
  line(['bare Bolt app (ack only)', ms(bareP.p50), ms(bareP.p99)]);
  line(['openroles /jobs', ms(oursP.p50), ms(oursP.p99)]);
  console.log(`  ratio at p50: ${(oursP.p50 / bareP.p50).toFixed(2)}× (goal ≤ 2×), at p99: ${(oursP.p99 / bareP.p99).toFixed(2)}×`);
  await ours.stop();
  await bare.stop();
  await slack.stop();
}

async function main(): Promise<void> {
  console.log(`openroles bench — node ${process.version}${gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);
  if (runs('parse')) benchParse();
  if (runs('search')) for (const size of SIZES) benchSearch(size);
  if (runs('roundtrip')) await benchRoundTrip();
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
