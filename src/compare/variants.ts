/**
 * The variants of a comparison: `--variant <name>=<scenario-dir>` runs another scenario folder;
 * `--variant <name>=<overrides>` runs the base scenario with field overrides (src/compare/overrides.ts).
 * A variant named `base` (the base scenario unchanged) is added first unless one is given.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserInputError } from '../errors/user-input-error.js';
import type { DocumentPatch } from '../scenario/yaml/document-patch.js';
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
  if (includeBase && !variants.some((v) => v.name === 'base')) variants.unshift({ name: 'base', dir: baseDir, patches: [], description: `scenario ${baseDir}` });
  return variants;
}
