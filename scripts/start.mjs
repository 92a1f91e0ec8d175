// npm start: runs the app from the bundle of the sources as they are (built by build.mjs at the first start and
// whenever a source changes) with plain node, which starts faster than compiling the sources through tsx. When the
// bundle cannot be built (a read-only checkout, no esbuild), the sources run through tsx, after one warning line.
import { pathToFileURL } from 'node:url';
import { ensureBundle } from './build.mjs';

async function launch() {
  let main = null;
  try {
    main = (await ensureBundle()).main;
  } catch (err) {
    const why = String(err instanceof Error ? err.message : err).split('\n')[0];
    process.stderr.write(`openroles: could not build the bundle in dist/ (${why}); running the sources through tsx, which starts slower\n`);
  }
  if (main) {
    // Stack traces name the sources, as they do under tsx.
    process.setSourceMapsEnabled(true);
    await (await import(pathToFileURL(main).href)).run();
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await (await import('../src/main.ts')).run();
  }
}

// Not awaited at the top level, as src/main.ts runs itself: the process ends when its work does.
void launch();
