// Live reload: files added, changed, removed or broken update the index within 2 s, without a restart.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { Catalog, type CatalogChange } from '../../src/sources/catalog.ts';
import { SEEDS_DIR, within } from '../helpers.ts';

let dir: string;
let index: RoleIndex;
let catalog: Catalog;
let logs: string[];
let changes: CatalogChange[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'openroles-src-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  index = RoleIndex.from([]);
  logs = [];
  changes = [];
  const log = createLogger({ destination: new Writable({ write(c, _e, cb) { logs.push(String(c)); cb(); } }) as never });
  catalog = new Catalog(dir, index, log);
  await catalog.load();
  catalog.onChange((c) => changes.push(c));
  catalog.watch({ debounceMs: 50, pollMs: 500 });
});
afterEach(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

const NEW = 'Platform Engineer\nAcme Robotics\nRemote - Canada\n\nRequirements:\n- 3+ years with Kubernetes\n';

describe('live reload', () => {
  it('a new file is searchable within 2 s', async () => {
    writeFileSync(join(dir, 'acme.txt'), NEW);
    await within(2000, () => index.search('acme').total === 1);
    expect(changes.at(-1)!.added.map((p) => p.company)).toEqual(['Acme Robotics']);
  });

  it('a changed file replaces its roles, keeping their id', async () => {
    writeFileSync(join(dir, 'acme.txt'), NEW);
    await within(2000, () => index.search('acme').total === 1);
    const id = index.search('acme').hits[0]!.posting.id;
    writeFileSync(join(dir, 'acme.txt'), NEW.replace('Platform Engineer', 'Staff Platform Engineer'));
    await within(2000, () => index.get(id)?.title === 'Staff Platform Engineer');
    expect(index.size).toBe(6);
    expect(changes.at(-1)!.changed.map((p) => p.id)).toEqual([id]);
  });

  it('a deleted file removes its roles', async () => {
    unlinkSync(join(dir, 'beehiiv-senior-ml-engineer.txt'));
    await within(2000, () => index.search('beehiiv').total === 0);
    expect(index.size).toBe(4);
    expect(changes.at(-1)!.removed.map((p) => p.company)).toEqual(['beehiiv']);
  });

  it('a broken file is reported and the last good version keeps serving', async () => {
    writeFileSync(join(dir, 'acme.json'), JSON.stringify({ '@type': 'JobPosting', title: 'Data Engineer', hiringOrganization: { name: 'Acme' } }));
    await within(2000, () => index.search('acme').total === 1);
    writeFileSync(join(dir, 'acme.json'), '{ "@type": "JobPosting", "title": ');
    await within(2000, () => logs.some((l) => l.includes('posting source skipped')));
    expect(index.search('acme').total).toBe(1);
    const line = JSON.parse(logs.find((l) => l.includes('posting source skipped'))!);
    expect(line).toMatchObject({ level: 40, file: 'acme.json', keptLastGood: true, error: expect.stringMatching(/not valid JSON/) });
    expect(catalog.broken.get('acme.json')).toMatch(/not valid JSON/);
    expect(index.size).toBe(6);
  });

  it('an empty or binary file is skipped while the rest serve', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)));
    await within(2000, () => catalog.broken.size === 2);
    expect(index.size).toBe(5);
  });
});
