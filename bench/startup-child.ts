// One start-up as the app does it (database, parse cache, saved index, folder catalog, watcher), in a fresh process,
// then idle CPU while watching. Prints one JSON line. Run by bench/startup.ts, bundled as `npm start` runs the app
// (through startup-launch.mjs) and through tsx.
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { silentLogger } from '../src/log.ts';
// The app's whole module graph is loaded, as `npm start` loads it, though only part of it is used here.
import { start } from '../src/main.ts';
import { openDatabase } from '../src/store/db.ts';
import { SqliteParseCache } from '../src/store/parse-cache.ts';
import { SavedIndexFile } from '../src/store/saved-index.ts';
import { openCatalog } from '../src/warm-start.ts';

const [dir, dbFile, idleArg] = process.argv.slice(2);
const idleMs = Number(idleArg ?? 10_000);
const cpuMs = (since: NodeJS.CpuUsage): number => Math.round((process.cpuUsage(since).user + process.cpuUsage(since).system) / 1000);
if (typeof start !== 'function') throw new Error('src/main.ts not loaded');
const modulesLoaded = performance.now();
const cpu0 = process.cpuUsage();
const db = openDatabase(dbFile!);
const cache = new SqliteParseCache(db);
const saved = new SavedIndexFile(join(dirname(dbFile!), 'index.saved'));
const { index, catalog, restored, saver } = openCatalog([dir!], silentLogger(), { parseCache: cache, saved });
const loading = catalog.load({ emit: restored });
// Ready to answer: the first query answered, from the saved index, or from the index built by the first load.
if (!restored) await loading;
const answered = index.search('senior python engineer remote').total;
const answer = performance.now();
const answerCpu = cpuMs(cpu0);
const first = await loading;
saver!.loaded(first, restored);
catalog.watch();
const ready = performance.now();
const loadCpu = cpuMs(cpu0);
const stats = cache.getStats();
// The cache's and the saved index's writes after a cold start are part of that start-up, not of idling.
cache.flush();
saver!.save();
await new Promise((r) => setTimeout(r, 1500)); // and the one rescan the watcher makes once its watches are in place
const idle0 = process.cpuUsage();
const t0 = performance.now();
await new Promise((r) => setTimeout(r, idleMs));
const idle = process.cpuUsage(idle0);
const idleCpu = ((idle.user + idle.system) / 1000 / (performance.now() - t0)) * 100;
console.log(JSON.stringify({
  roles: index.size,
  answered,
  restored,
  modulesMs: Math.round(modulesLoaded),
  answerMs: Math.round(answer),
  answerCpuMs: answerCpu,
  readyMs: Math.round(ready),
  loadMs: Math.round(ready - modulesLoaded),
  loadCpuMs: loadCpu,
  idleCpuPct: Number(idleCpu.toFixed(2)),
  hits: stats.hits,
  misses: stats.misses,
}));
catalog.close();
saver!.close();
cache.close();
db.close();
process.exit(0);
