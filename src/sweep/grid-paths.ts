/**
 * Where a grid path points: `<target>:<field.path>` as compare's overrides write it, or a friendly
 * alias resolved against the scenario's manifests —
 *   hpa.targetCPU                      the averageUtilization of the HPA's cpu Resource metric
 *                                      (autoscaling/v1: spec.targetCPUUtilizationPercentage)
 *   hpa.minReplicas, hpa.maxReplicas   spec.minReplicas, spec.maxReplicas
 *   hpa.scaleDownStabilizationSeconds  spec.behavior.scaleDown.stabilizationWindowSeconds (adding
 *                                      spec.behavior moves an HPA off the legacy normalization onto
 *                                      the behavior path with default policies, as upstream)
 *   keda.cooldownPeriod, keda.pollingInterval, keda.minReplicaCount, keda.maxReplicaCount
 *                                      the ScaledObject's spec field of that name
 *   scenario.<field.path>              a field of scenario.yaml
 * `hpa.x` and `keda.x` need exactly one HorizontalPodAutoscaler / ScaledObject; `hpa[<name>].x`
 * picks one. A `*` in the name (`hpa[*].targetCPU`, `hpa[svc-00*].maxReplicas`, or the full form's
 * `HorizontalPodAutoscaler/svc-*:spec.maxReplicas`) sets the same value in every object whose name
 * matches, each at its own field (the cpu metric's index may differ): one axis over a fleet. The
 * full form must name a field the manifest has (a typo would otherwise change
 * nothing: manifests accept unknown fields); aliases and scenario fields may add a field left at its
 * default (scenario.yaml is validated field by field).
 */
import { UserInputError } from '../errors/user-input-error.js';
import { closestMatch } from '../scenario/did-you-mean.js';
import { indexOutsideQuotes, parseFieldPath } from '../compare/overrides.js';
import { formatFieldPath, type FieldPath } from '../scenario/yaml/field-path.js';
import { GRID_EXAMPLES } from './grid-spec.js';
import { valueAt, type ScenarioDocument } from './scenario-documents.js';

export interface GridTarget {
  /** `scenario` or `<Kind>/<name>`, as a DocumentPatch targets it. */
  target: string;
  fieldPath: (string | number)[];
}

interface AliasFamily {
  kind: string;
  fields: Record<string, (doc: ScenarioDocument, fail: (message: string) => never) => (string | number)[]>;
}

function hpaTargetCpu(doc: ScenarioDocument, fail: (message: string) => never): (string | number)[] {
  if (doc.apiVersion === 'autoscaling/v1') return ['spec', 'targetCPUUtilizationPercentage'];
  const metrics = valueAt(doc.value, ['spec', 'metrics']);
  const list = Array.isArray(metrics) ? metrics : [];
  const index = list.findIndex((m) => valueAt(m, ['type']) === 'Resource' && valueAt(m, ['resource', 'name']) === 'cpu');
  if (index < 0) fail(`${doc.target} has no cpu Resource metric: expected spec.metrics[] with type: Resource and resource.name: cpu`);
  const type = valueAt(list[index], ['resource', 'target', 'type']);
  if (type !== 'Utilization') fail(`${doc.target}'s cpu metric has target type ${String(type)}, expected Utilization (targetCPU is an averageUtilization in %)`);
  return ['spec', 'metrics', index, 'resource', 'target', 'averageUtilization'];
}

const ALIASES: Record<'hpa' | 'keda', AliasFamily> = {
  hpa: {
    kind: 'HorizontalPodAutoscaler',
    fields: {
      targetCPU: hpaTargetCpu,
      minReplicas: () => ['spec', 'minReplicas'],
      maxReplicas: () => ['spec', 'maxReplicas'],
      scaleDownStabilizationSeconds: (doc, fail) => {
        if (doc.apiVersion === 'autoscaling/v1') fail(`${doc.target} is autoscaling/v1, which has no spec.behavior: expected autoscaling/v2`);
        return ['spec', 'behavior', 'scaleDown', 'stabilizationWindowSeconds'];
      },
    },
  },
  keda: {
    kind: 'ScaledObject',
    fields: {
      cooldownPeriod: () => ['spec', 'cooldownPeriod'],
      pollingInterval: () => ['spec', 'pollingInterval'],
      minReplicaCount: () => ['spec', 'minReplicaCount'],
      maxReplicaCount: () => ['spec', 'maxReplicaCount'],
    },
  },
};

/** Every alias, for messages and help. */
export const ALIAS_NAMES = [
  ...Object.entries(ALIASES).flatMap(([family, f]) => Object.keys(f.fields).map((field) => `${family}.${field}`)),
  'scenario.<field.path>',
];

const ALIAS = /^(hpa|keda)(?:\[([^\]]*)\])?\.([A-Za-z]\w*)$/;

/** A name pattern with `*` for any run of characters, as an anchored RegExp. */
function globRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/**
 * The documents a grid path sets: the one resolveGridPath finds or, with a `*` in the object's name
 * (an alias's `[…]` or the full form's `<Kind>/<name>`), every object of that kind whose name
 * matches, in the manifests' order, each resolved as if it were named. Problems name the flag.
 */
export function resolveGridTargets(pathText: string, documents: readonly ScenarioDocument[]): GridTarget[] {
  const fail = (message: string): never => {
    throw new UserInputError({ file: '(command line)', field: `--grid ${pathText}`, message });
  };
  const colon = indexOutsideQuotes(pathText, ':');
  const alias = colon < 0 ? ALIAS.exec(pathText) : null;
  const pattern = colon >= 0 ? pathText.slice(0, colon).trim() : alias?.[2];
  if (pattern === undefined || !pattern.includes('*')) return [resolveGridPath(pathText, documents)];
  const slash = pattern.indexOf('/');
  const kind = alias !== null ? ALIASES[alias[1] as 'hpa' | 'keda'].kind : pattern.slice(0, slash);
  const namePattern = alias !== null ? pattern : pattern.slice(slash + 1);
  if (alias === null && (slash < 0 || kind.includes('*'))) fail(`a * may stand in an object's name, not its kind: expected <Kind>/<name pattern>:<field.path> such as HorizontalPodAutoscaler/svc-*:spec.maxReplicas`);
  const candidates = documents.filter((d) => d.kind === kind);
  const glob = globRegExp(namePattern);
  const matching = candidates.filter((d) => glob.test(d.name));
  if (matching.length === 0) {
    fail(`${namePattern} matches no ${kind} name: expected a pattern (* for any characters) matching some of ${candidates.length > 0 ? listed(candidates.map((d) => d.name), ', ') : `the ${kind}s (there is none)`}`);
  }
  const named = (name: string): string => (alias !== null ? `${alias[1]}[${name}].${alias[3]}` : `${kind}/${name}:${pathText.slice(colon + 1).trim()}`);
  return matching.map((d) => {
    try {
      return resolveGridPath(named(d.name), documents);
    } catch (error) {
      // The named object's own problem (no cpu metric, no such field), under the flag the user wrote.
      if (error instanceof UserInputError) return fail(`${error.problems[0]!.message} (${d.target} matches ${namePattern})`);
      throw error;
    }
  });
}

/** Resolves a grid path against the scenario's documents; problems name the flag (`--grid <path>`). */
export function resolveGridPath(pathText: string, documents: readonly ScenarioDocument[]): GridTarget {
  const fail = (message: string, hint?: string): never => {
    throw new UserInputError({ file: '(command line)', field: `--grid ${pathText}`, message, ...(hint ? { hint } : {}) });
  };
  const colon = indexOutsideQuotes(pathText, ':');
  if (colon >= 0) return fullForm(pathText.slice(0, colon).trim(), pathText.slice(colon + 1).trim(), documents, fail);
  if (pathText.startsWith('scenario.')) {
    const fieldPath = parseFieldPath(pathText.slice('scenario.'.length));
    if (fieldPath === undefined) fail(`expected scenario.<field.path> such as scenario.spec.workloads.web.baseCpuMillicores, got "${pathText}"`);
    const scenario = documents.find((d) => d.target === 'scenario');
    const beyond = scenario === undefined ? undefined : indexBeyondList(scenario.value, fieldPath!);
    if (beyond !== undefined) fail(`scenario.yaml has no ${formatFieldPath(fieldPath!.slice(0, beyond + 1))}: ${nearestFields(scenario!.value, fieldPath!.slice(0, beyond + 1))}`);
    return { target: 'scenario', fieldPath: fieldPath! };
  }
  const m = ALIAS.exec(pathText);
  if (m === null) {
    fail(`unknown grid path "${pathText}": expected an alias (${ALIAS_NAMES.join(', ')}) or <target>:<field.path>`, GRID_EXAMPLES);
  }
  const family = ALIASES[m![1] as 'hpa' | 'keda'];
  const field = m![3]!;
  const resolve = family.fields[field];
  if (!resolve) fail(`unknown alias ${m![1]}.${field}: expected one of ${Object.keys(family.fields).map((f) => `${m![1]}.${f}`).join(', ')}`);
  const candidates = documents.filter((d) => d.kind === family.kind);
  const name = m![2];
  let doc: ScenarioDocument | undefined;
  if (name !== undefined) {
    doc = candidates.find((d) => d.name === name);
    if (!doc) {
      const names = candidates.map((d) => d.name);
      const close = closestMatch(name, names);
      fail(`no ${family.kind} named "${name}" in the scenario's manifests: expected ${names.length > 0 ? `one of ${listed(names, ', ')}` : `a ${family.kind} (there is none)`}${close ? ` (did you mean "${close}"?)` : ''}`);
    }
  } else if (candidates.length !== 1) {
    const choices = candidates.map((d) => `${m![1]}[${d.name}].${field}`);
    fail(
      candidates.length === 0
        ? `${m![1]}.${field} needs a ${family.kind} in the scenario's manifests; there is none`
        : `${m![1]}.${field} needs exactly one ${family.kind}; the scenario has ${candidates.length}: write ${listed(choices)}`,
    );
  } else doc = candidates[0];
  return { target: doc!.target, fieldPath: resolve!(doc!, (message) => fail(message)) };
}

function fullForm(target: string, fieldText: string, documents: readonly ScenarioDocument[], fail: (message: string, hint?: string) => never): GridTarget {
  const fieldPath = parseFieldPath(fieldText);
  if (target === '' || fieldPath === undefined) fail(`expected <target>:<field.path> such as HorizontalPodAutoscaler/web:spec.maxReplicas, got "${target}:${fieldText}"`, GRID_EXAMPLES);
  const doc = documents.find((d) => d.target === target);
  if (!doc) {
    const targets = documents.map((d) => d.target);
    fail(`target "${target}" matches no document: expected one of ${targets.join(', ')}`);
  }
  if (target !== 'scenario' && valueAt(doc!.value, fieldPath!) === undefined) {
    fail(`${target} (${doc!.file}) has no field ${formatFieldPath(fieldPath!)}: ${nearestFields(doc!.value, fieldPath!)}`, 'a sweep varies fields the manifest sets; the aliases (hpa.scaleDownStabilizationSeconds, keda.cooldownPeriod, …) may also add one');
  }
  return { target, fieldPath: fieldPath! };
}

/** The first few of `items` and how many more (a scenario may hold hundreds of HPAs). */
function listed(items: readonly string[], separator = ' or ', shown = 5): string {
  if (items.length <= shown) return items.join(separator);
  return `${items.slice(0, shown).join(separator)}${separator}… (${items.length - shown} more)`;
}

/**
 * The position in `path` of a list index past the end of its list, if any: a scenario field may be
 * added (scenario.yaml is validated field by field), but an item of a list cannot be conjured.
 */
function indexBeyondList(value: unknown, path: FieldPath): number | undefined {
  let at: unknown = value;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (Array.isArray(at) && typeof segment === 'number' && segment >= at.length) return i;
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[segment];
  }
  return undefined;
}

/** "fields at spec: minReplicas, maxReplicas, metrics" for the deepest part of `path` that exists. */
function nearestFields(value: unknown, path: FieldPath): string {
  let depth = path.length - 1;
  while (depth > 0 && valueAt(value, path.slice(0, depth)) === undefined) depth--;
  const parent = path.slice(0, depth);
  const v = valueAt(value, parent);
  const where = parent.length > 0 ? formatFieldPath(parent) : 'the top level';
  if (Array.isArray(v)) return `${where} is a list of ${v.length} item(s) (indexes 0–${v.length - 1})`;
  if (v === null || typeof v !== 'object') return `${where} is not a map`;
  return `fields at ${where}: ${Object.keys(v).join(', ')}`;
}
