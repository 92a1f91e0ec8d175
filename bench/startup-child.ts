// One start-up as the app does it (database, parse cache, folder catalog, index, watcher), in a fresh process, then
// idle CPU while watching. Prints one JSON line. Run by bench/startup.ts.
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src/log.ts';
import { RoleIndex } from '../src/search/index.ts';
import { Catalog } from '../src/sources/catalog.ts';
import { openDatabase } from '../src/store/db.ts';
import { SqliteParseCache } from '../src/store/parse-cache.ts';

const [dir, dbFile, idleArg] = process.argv.slice(2);
const idleMs = Number(idleArg ?? 10_000);
const modulesLoaded = performance.now();
const cpu0 = process.cpuUsage();
const db = openDatabase(dbFile!);
const cache = new SqliteParseCache(db);
const index = RoleIndex.from([]);
const catalog = new Catalog(dir!, index, silentLogger(), { parseCache: cache });
await catalog.load();
catalog.watch();
const ready = performance.now();
const cpu = process.cpuUsage(cpu0);
const stats = cache.getStats();
// The cache's writes after a cold start are part of that start-up, not of idling.
cache.flush();
await new Promise((r) => setTimeout(r, 1500)); // and the one rescan the watcher makes once its watches are in place
const idle0 = process.cpuUsage();
const t0 = performance.now();
await new Promise((r) => setTimeout(r, idleMs));
const idle = process.cpuUsage(idle0);
const idleCpu = ((idle.user + idle.system) / 1000 / (performance.now() - t0)) * 100;
console.log(JSON.stringify({
  roles: index.size,
  readyMs: Math.round(ready),
  loadMs: Math.round(ready - modulesLoaded),
  loadCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  idleCpuPct: Number(idleCpu.toFixed(2)),
  hits: stats.hits,
  misses: stats.misses,
}));
catalog.close();
cache.close();
db.close();
process.exit(0);
