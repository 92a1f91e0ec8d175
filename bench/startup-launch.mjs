// Starts the bundled start-up child (its path first, its own arguments after) the way scripts/start.mjs starts the
// bundled app: the sources' fingerprint checked, source maps on, then the bundle imported.
import { pathToFileURL } from 'node:url';
import { fingerprint } from '../scripts/build.mjs';

const [file] = process.argv.splice(2, 1);
fingerprint();
process.setSourceMapsEnabled(true);
await import(pathToFileURL(file).href);
