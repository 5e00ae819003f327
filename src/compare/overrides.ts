/**
 * The override syntax of `compare --variant` (and sweeps): `<target>:<path>=<value>`, several
 * separated by `;`. target is `scenario` or `<Kind>/<name>` of a manifest object; path is dotted
 * with [i] for list items and ["key"] for keys with dots or slashes; value is YAML (a number, a string, true/false, or an inline map or list).
 *   HorizontalPodAutoscaler/web:spec.metrics[0].resource.target.averageUtilization=40
 *   scenario:spec.workloads.web.baseCpuMillicores=20; ScaledObject/worker:spec.cooldownPeriod=60
 */
import { parse as parseYaml } from 'yaml';
import { UserInputError } from '../errors/user-input-error.js';
import type { DocumentPatch } from '../scenario/yaml/document-patch.js';

// target : path = value; the path may quote keys (["requests.cpu"]), whose text may hold anything but an unescaped quote.
const ONE = /^\s*([^:=\s][^:=]*?)\s*:\s*([A-Za-z_](?:"(?:[^"\\]|\\.)*"|[^="\s])*?)\s*=(.*)$/s;

/** A list index `[0]` or a quoted key `["requests.cpu"]` (a JSON string: keys with dots, slashes or spaces). */
const BRACKETED = /\[(?:(\d+)|("(?:[^"\\]|\\.)*"))\]/y;
const NAME = /[A-Za-z_][\w-]*/y;

/**
 * `spec.metrics[0].resource` → ['spec', 'metrics', 0, 'resource'], and `spec.hard["requests.cpu"]`
 * → ['spec', 'hard', 'requests.cpu']: the form field-path.ts formatFieldPath writes in messages.
 */
export function parseFieldPath(text: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let at = 0;
  while (at < text.length) {
    BRACKETED.lastIndex = at;
    const bracket = out.length > 0 ? BRACKETED.exec(text) : null;
    if (bracket !== null) {
      out.push(bracket[1] !== undefined ? Number(bracket[1]) : (JSON.parse(bracket[2]!) as string));
      at = BRACKETED.lastIndex;
      continue;
    }
    if (out.length > 0) {
      if (text[at] !== '.') return undefined;
      at++;
    }
    NAME.lastIndex = at;
    const name = NAME.exec(text);
    if (name === null) return undefined;
    out.push(name[0]);
    at = NAME.lastIndex;
  }
  return out.length > 0 ? out : undefined;
}

/** The first `char` of `text` outside a quoted key ("…", with \" inside); -1 when none. */
export function indexOutsideQuotes(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === char) return i;
  }
  return -1;
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
