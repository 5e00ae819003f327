/**
 * The variants of a comparison: `--variant <name>=<scenario-dir>` runs another scenario folder;
 * `--variant <name>=<overrides>` runs the base scenario with field overrides (src/compare/overrides.ts).
 * A variant named `base` (the base scenario unchanged) is added first unless one is given.
 * Each variant's results go in a folder of its name at the top of the output folder, so a name must
 * be a safe folder name everywhere (letters, digits, . _ -; not ending in a dot; not a Windows
 * device name such as CON or nul.txt), must not be one of the files compare writes there
 * (./output-names.ts), and must differ from every other variant's in more than letter case (macOS
 * and Windows file systems would make the two one folder). All of it is checked before anything runs.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserInputError } from '../errors/user-input-error.js';
import type { DocumentPatch } from '../scenario/yaml/document-patch.js';
import { isReservedOutputName, RESERVED_OUTPUT_NAMES } from './output-names.js';
import { parseOverrides } from './overrides.js';

export interface Variant {
  name: string;
  /** Scenario folder to load. */
  dir: string;
  patches: DocumentPatch[];
  /** How the variant was given, for reports. */
  description: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
/** Names Windows keeps for devices, with or without an extension: no folder can have them there. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?$/i;
const NAME_HINT = 'name a variant for what it changes, e.g. --variant max5="HorizontalPodAutoscaler/nginx:spec.maxReplicas=5"';

function refuse(message: string, hint = NAME_HINT): never {
  throw new UserInputError({ file: '(command line)', field: '--variant', message, hint });
}

/** Refuses a well-formed name that cannot be the variant's folder: see the top of this file. */
function checkFolderName(name: string, spec: string): void {
  if (name.endsWith('.')) refuse(`variant "${name}" (in "${spec}") ends with a dot, which Windows drops from folder names: expected a name that ends with a letter, digit, _ or -`);
  if (WINDOWS_DEVICE.test(name)) refuse(`variant "${name}" (in "${spec}") is a device name on Windows (CON, PRN, AUX, NUL, COM1-COM9, LPT1-LPT9, with or without an extension), where no folder can have it: expected another name`);
  if (isReservedOutputName(name)) {
    refuse(
      `variant "${name}" (in "${spec}") is named like a file compare writes at the top of its output folder, where each variant gets a folder of its name: expected a name other than ${RESERVED_OUTPUT_NAMES.join(', ')} (in any letter case)`,
    );
  }
}

/**
 * Refuses two variants whose names differ in letter case only (`Fast` and `fast`): one folder on
 * macOS and Windows. `addedBase`: the first variant is the base scenario, added for want of a "base".
 */
function checkCaseCollisions(variants: readonly Variant[], addedBase: boolean): void {
  const seen = new Map<string, string>();
  for (const v of variants) {
    const other = seen.get(v.name.toLowerCase());
    if (other !== undefined) {
      const base = addedBase && other === 'base';
      refuse(
        `variants "${other}"${base ? ' (the base scenario, added first)' : ''} and "${v.name}" differ only in letter case: expected names that differ in more than case, since each names a folder and macOS and Windows file systems take the two for one`,
        base ? 'name the variant "base" to replace the base scenario\'s row, or give it another name' : NAME_HINT,
      );
    }
    seen.set(v.name.toLowerCase(), v.name);
  }
}

export function resolveVariants(baseDir: string, specs: readonly string[], includeBase = true): Variant[] {
  const variants: Variant[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const name = eq > 0 ? spec.slice(0, eq).trim() : '';
    const body = eq > 0 ? spec.slice(eq + 1).trim() : '';
    if (!NAME.test(name) || body === '') {
      throw new UserInputError({
        file: '(command line)',
        field: '--variant',
        message: `expected <name>=<scenario-dir or overrides> with a name of letters, digits, . _ -, got "${spec}"`,
        hint: 'e.g. --variant keda=scenarios/nginx-keda-cpu or --variant t40="HorizontalPodAutoscaler/nginx:spec.metrics[0].resource.target.averageUtilization=40"',
      });
    }
    if (variants.some((v) => v.name === name)) {
      throw new UserInputError({ file: '(command line)', field: '--variant', message: `variant "${name}" is given twice` });
    }
    checkFolderName(name, spec);
    const looksLikeOverride = /^[^=/\s][^=]*:[^=]+=/.test(body) && !existsSync(resolve(body));
    if (looksLikeOverride) {
      variants.push({ name, dir: baseDir, patches: parseOverrides(body, `--variant ${name}`), description: body });
    } else {
      if (!existsSync(join(body, 'scenario.yaml'))) {
        throw new UserInputError({ file: body, field: `--variant ${name}`, message: 'expected a scenario folder (with scenario.yaml) or overrides <target>:<path>=<value>' });
      }
      variants.push({ name, dir: body, patches: [], description: `scenario ${body}` });
    }
  }
  if (variants.length === 0) {
    throw new UserInputError({ file: '(command line)', field: '--variant', message: 'compare needs at least one --variant', hint: 'e.g. --variant keda=scenarios/nginx-keda-cpu' });
  }
  const addBase = includeBase && !variants.some((v) => v.name === 'base');
  if (addBase) variants.unshift({ name: 'base', dir: baseDir, patches: [], description: `scenario ${baseDir}` });
  checkCaseCollisions(variants, addBase);
  return variants;
}
