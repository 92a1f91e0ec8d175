// Types of build.mjs, for the tests and the bench.

/** The repository. */
export const ROOT: string;

/** A hash of src/**\/*.ts, package-lock.json, tsconfig.json and build.mjs, each named by its path in the repository. */
export function fingerprint(root?: string): string;

/** Bundles the entry points (output name: source file relative to root) into `outdir`, whole or not at all. */
export function build(opts: { root?: string; outdir: string; entries?: Record<string, string> }): Promise<string>;

/** dist/<fingerprint>/main.js for the sources as they are now, built first when missing. */
export function ensureBundle(opts?: { root?: string }): Promise<{ main: string; built: boolean }>;
