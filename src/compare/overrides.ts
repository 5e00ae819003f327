/**
 * The override syntax of `compare --variant` (and sweeps): `<target>:<path>=<value>`, several
 * separated by `;`. target is `scenario` or `<Kind>/<name>` of a manifest object; path is dotted
 * with [i] for list items; value is YAML (a number, a string, true/false, or an inline map or list).
 *   HorizontalPodAutoscaler/web:spec.metrics[0].resource.target.averageUtilization=40
 *   scenario:spec.workloads.web.baseCpuMillicores=20; ScaledObject/worker:spec.cooldownPeriod=60
 */
import { parse as parseYaml } from 'yaml';
import { UserInputError } from '../errors/user-input-error.js';
import type { DocumentPatch } from '../scenario/yaml/document-patch.js';

const ONE = /^\s*([^:=\s][^:=]*?)\s*:\s*([A-Za-z_][\w.[\]-]*?)\s*=(.*)$/s;

/** `spec.metrics[0].resource` → ['spec', 'metrics', 0, 'resource']. */
export function parseFieldPath(text: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  for (const part of text.split('.')) {
    const m = /^([A-Za-z_][\w-]*)((?:\[\d+\])*)$/.exec(part);
    if (m === null) return undefined;
    out.push(m[1]!);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/** Parses `overrides` (one --variant's text); `flag` names where it came from, for messages. */
export function parseOverrides(overrides: string, flag: string): DocumentPatch[] {
  const patches: DocumentPatch[] = [];
  for (const text of overrides.split(';').map((s) => s.trim()).filter((s) => s.length > 0)) {
    const m = ONE.exec(text);
    const path = m ? parseFieldPath(m[2]!) : undefined;
    if (m === null || path === undefined) {
      throw new UserInputError({
        file: '(command line)',
        field: flag,
        message: `expected <target>:<field.path>=<value>, got "${text}"`,
        hint: 'e.g. HorizontalPodAutoscaler/web:spec.maxReplicas=20 or scenario:spec.workloads.web.baseCpuMillicores=20',
      });
    }
    let value: unknown;
    try {
      value = parseYaml(m[3]!.trim());
    } catch (error) {
      throw new UserInputError({ file: '(command line)', field: flag, message: `the value in "${text}" is not valid YAML: ${(error as Error).message}` });
    }
    patches.push({ target: m[1]!.trim(), path, value, text, source: flag });
  }
  return patches;
}
