/**
 * The fingerprint of a sweep: a SHA-256 over everything that decides its rows — the scalesim
 * version and build (a hash of the compiled code, so a journal written before a rebuild is not
 * resumed by another simulator), the contents of scenario.yaml, of every manifest and trace file,
 * those grid values name included (plan-sweep.ts gridValueFiles; named relative to the
 * scenario folder, so the same inputs copied elsewhere, e.g. into a container image, fingerprint
 * the same), the resolved grid, the seed, the duration and the --workload focus (the workloads the
 * rows' figures cover). A resume journal and the parts of a sharded sweep belong together only when
 * their fingerprints are equal.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GridAxis } from './grid.js';
import type { InputFile } from './scenario-documents.js';

let cachedVersion: string | undefined;

/** scalesim's version from its package.json (two folders above this module, in src/ and in dist/). */
export function toolVersion(): string {
  if (cachedVersion === undefined) {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version?: string };
    cachedVersion = pkg.version ?? '0.0.0';
  }
  return cachedVersion;
}

let cachedBuild: string | undefined;

/** The file `npm run build` writes beside the compiled code: its buildId, computed once there (src/build/bundle.ts). */
export const BUILD_ID_FILE = 'build-id.txt';

/** A hash of a code tree: every file under `root` whose name ends with `ext`, by path and content. About 70 ms for dist/. */
export function hashCodeTree(root: string, ext: string): string {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).sort();
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(readFileSync(join(root, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A hash of the running code: every .js file of dist/ (or .ts file of src/ when running from the
 * sources, in tests), by path and content. A build's is read from dist/build-id.txt, written by
 * `npm run build` after the last .js file (hashing the 1,100 files took 70 ms of every sweep's
 * planning); a dist/ without the file (tsc alone) is hashed here.
 */
export function buildId(): string {
  if (cachedBuild === undefined) {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    cachedBuild = (ext === '.js' ? writtenBuildId(root) : undefined) ?? hashCodeTree(root, ext);
  }
  return cachedBuild;
}

function writtenBuildId(root: string): string | undefined {
  try {
    const id = readFileSync(join(root, BUILD_ID_FILE), 'utf8').trim();
    return /^[0-9a-f]{16}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export interface FingerprintInputs {
  version: string;
  /** buildId(). */
  build: string;
  files: readonly InputFile[];
  axes: readonly GridAxis[];
  /** The seed every setting runs with, or null for each setting's own spec.seed (a grid over it). */
  seed: number | null;
  /** --duration in seconds, or null for the scenario's. */
  durationSeconds: number | null;
  /** --workload: the workloads whose figures the rows report; absent or null for every workload. */
  workloads?: readonly string[] | null;
}

/**
 * What decides one setting's row besides its own assignments: the fingerprint without the grid. Two
 * sweeps with the same one (a grid reordered, or with values added) give the same row for the same
 * setting id, so a journal's rows can serve the other sweep.
 */
export function settingRowsFingerprint(inputs: Omit<FingerprintInputs, 'axes'>): string {
  return sweepFingerprint({ ...inputs, axes: [] });
}

export function sweepFingerprint(inputs: FingerprintInputs): string {
  const hash = createHash('sha256');
  const part = (text: string): void => {
    hash.update(`${Buffer.byteLength(text)}:`);
    hash.update(text);
  };
  part(`scalesim ${inputs.version} ${inputs.build}`);
  const files = [...inputs.files].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  for (const f of files) {
    part(f.relative);
    hash.update(`${f.content.length}:`);
    hash.update(f.content);
  }
  // An axis over one document hashes as before wildcards existed (a journal written then still resumes).
  part(JSON.stringify(inputs.axes.map((a) => ({ name: a.name, target: a.target, field: a.fieldPath, values: a.values.map((v) => [v.text, v.value]), ...(a.more ? { more: a.more.map((t) => [t.target, t.fieldPath]) } : {}) }))));
  part(JSON.stringify({ seed: inputs.seed, durationSeconds: inputs.durationSeconds }));
  // A focus changes every row's figures; without one the hash is the one sweeps had before --workload.
  if (inputs.workloads !== undefined && inputs.workloads !== null) part(JSON.stringify({ workloads: inputs.workloads }));
  return hash.digest('hex');
}
