/**
 * v1 ResourceQuota → ResourceQuotaEntry: spec.hard for the resources pods use, and the scopes
 * (spec.scopes, spec.scopeSelector) that pick the pods it counts, validated as the API server
 * does (pkg/apis/core/validation ValidateResourceQuota: standard resource names unless the name
 * has a slash (a typo such as `request.cpu` is an error, not a quota that limits nothing);
 * quantities ≥ 0 and whole for object counts and extended resources;
 * validateResourceQuotaScopes: known scopes, no scope applied to a resource it cannot count
 * (BestEffort counts only `pods`; the other scopes pods, cpu and memory), no BestEffort with
 * NotBestEffort nor Terminating with NotTerminating; validateScopedResourceSelectorRequirement:
 * operators and values). What the quota admission does with it when a pod is created is
 * cluster/quota-ledger.ts; the checks that would fail every pod of a template are quota-constraints.ts.
 * status (hard and used as a live cluster reports them) is not read: usage is counted from the
 * simulated pods alone.
 */
import { z } from 'zod';
import { isValueFormatError } from '../../errors/value-format-error.js';
import { closestMatch } from '../did-you-mean.js';
import { parseCpuMillicores, parseMemoryBytes, parseQuantity } from '../../units/quantity.js';
import type { ProblemSink } from '../problem-sink.js';
import { QUOTA_RESOURCES, type QuotaResource, type QuotaScopeName, type QuotaScopeRequirement } from '../resource-quota-types.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { OBJECT_META, type FieldTree } from './known-fields.js';
import { markBroken, type ManifestSet } from './manifest-set.js';

const KIND = 'ResourceQuota';

/** v1 ResourceQuota's fields (k8s.io/api core/v1 types.go ResourceQuotaSpec, ScopeSelector). */
export const RESOURCE_QUOTA_FIELDS: FieldTree = {
  apiVersion: null,
  kind: null,
  metadata: OBJECT_META,
  // hard is a free-form map of resource names.
  spec: { hard: null, scopes: null, scopeSelector: { matchExpressions: { scopeName: null, operator: null, values: null } } },
  status: null,
};

const SCOPES: readonly QuotaScopeName[] = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];

/** pkg/apis/core/helper standardQuotaResources: the names whose scopes validation checks. */
const STANDARD_QUOTA_RESOURCES = new Set<string>([
  ...QUOTA_RESOURCES,
  'ephemeral-storage',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.ephemeral-storage',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

/** IsStandardQuotaResourceName: the standard names, and the hugepages ones by prefix. */
function isStandardQuotaResource(name: string): boolean {
  return STANDARD_QUOTA_RESOURCES.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
}

/**
 * Object counts and extended resources: whole numbers (IsIntegerResourceName; validation's "must
 * be an integer"). A name with a slash is an object count (count/…) or an extended resource.
 */
const INTEGER_RESOURCES = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);
const isIntegerResource = (name: string): boolean => INTEGER_RESOURCES.has(name) || name.includes('/');

/** IsResourceQuotaScopeValidForResource: BestEffort pods have no compute requests, so only their count. */
function scopeCountsResource(scope: QuotaScopeName, resource: string): boolean {
  if (scope === 'BestEffort') return resource === 'pods';
  return (QUOTA_RESOURCES as readonly string[]).includes(resource);
}

const ScopeSelectorSchema = z.looseObject({
  matchExpressions: z
    .array(
      z.looseObject({
        scopeName: z.string().describe('a quota scope name'),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']).describe('In, NotIn, Exists or DoesNotExist'),
        values: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});

const ResourceQuotaSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string().min(1).describe('the object name'), namespace: z.string().optional() }),
  spec: z
    .looseObject({
      hard: z.record(z.string(), z.unknown()).default({}).describe('a map of resource names to quantities'),
      scopes: z.array(z.string()).default([]).describe('a list of quota scopes'),
      scopeSelector: ScopeSelectorSchema.nullish(),
    })
    .prefault({}),
});

type Input = z.infer<typeof ResourceQuotaSchema>;

/** One spec.hard value in the resource's unit (millicores, bytes, a count); undefined after a reported problem. */
function hardValue(resource: string, value: unknown, ref: DocRef, sink: ProblemSink): number | undefined {
  const at = ['spec', 'hard', resource];
  try {
    if (resource.endsWith('cpu')) return parseCpuMillicores(value);
    if (resource.endsWith('memory')) return parseMemoryBytes(value);
    const parsed = parseQuantity(value);
    if (parsed.negative) sink.error(ref.problem(at, 'must be greater than or equal to 0'));
    else if (isIntegerResource(resource) && !Number.isInteger(parsed.value)) sink.error(ref.problem(at, `must be an integer, got ${parsed.text}`));
    else return parsed.value;
  } catch (e) {
    if (!isValueFormatError(e)) throw e;
    sink.error(ref.problem(at, e.message, e.hint));
  }
  return undefined;
}

/** spec.hard: the pod resources kept; others are warned as not modelled. False when a value is invalid. */
function readHard(input: Input, ref: DocRef, sink: ProblemSink): Partial<Record<QuotaResource, number>> | undefined {
  const hard: Partial<Record<QuotaResource, number>> = {};
  let ok = true;
  for (const [resource, value] of Object.entries(input.spec.hard)) {
    // ValidateResourceQuotaResourceName: a name without a slash must be a standard one.
    if (!resource.includes('/') && !isStandardQuotaResource(resource)) {
      const close = closestMatch(resource, [...STANDARD_QUOTA_RESOURCES]);
      sink.error(ref.problem(['spec', 'hard', resource], `${resource}: must be a standard resource for quota`, close === undefined ? `e.g. ${QUOTA_RESOURCES.join(', ')}` : `did you mean "${close}"?`, { key: true }));
      ok = false;
      continue;
    }
    const amount = hardValue(resource, value, ref, sink);
    if (amount === undefined) {
      ok = false;
      continue;
    }
    if ((QUOTA_RESOURCES as readonly string[]).includes(resource)) hard[resource as QuotaResource] = amount;
    else sink.warn(ref.warning(['spec', 'hard', resource], `${resource} is not modelled (the simulation creates only pods; quota is kept on pods, cpu and memory); ignored`));
  }
  return ok ? hard : undefined;
}

/** spec.scopes and spec.scopeSelector as one list of requirements; undefined after a reported problem. */
function readScopes(input: Input, ref: DocRef, sink: ProblemSink): QuotaScopeRequirement[] | undefined {
  const resources = Object.keys(input.spec.hard).filter(isStandardQuotaResource);
  const scopes: QuotaScopeRequirement[] = [];
  let ok = true;
  const fail = (path: (string | number)[], message: string): void => {
    sink.error(ref.problem(path, message));
    ok = false;
  };
  const known = (name: string, path: (string | number)[]): name is QuotaScopeName => {
    if ((SCOPES as readonly string[]).includes(name)) return true;
    fail(path, `unsupported scope ${JSON.stringify(name)}: expected one of ${SCOPES.join(', ')}`);
    return false;
  };
  const appliesTo = (scope: QuotaScopeName, path: (string | number)[]): void => {
    for (const r of resources) if (!scopeCountsResource(scope, r)) fail(path, `unsupported scope applied to resource: ${scope} cannot count ${r}`);
  };
  input.spec.scopes.forEach((name, i) => {
    const path = ['spec', 'scopes', i];
    if (!known(name, path)) return;
    appliesTo(name, path);
    scopes.push({ scopeName: name, operator: 'Exists', values: [] });
  });
  const conflicting = (names: readonly string[], path: (string | number)[]): void => {
    for (const [a, b] of [['BestEffort', 'NotBestEffort'], ['Terminating', 'NotTerminating']] as const) {
      if (names.includes(a) && names.includes(b)) fail(path, `conflicting scopes: ${a} and ${b}`);
    }
  };
  conflicting(input.spec.scopes, ['spec', 'scopes']);
  conflicting((input.spec.scopeSelector?.matchExpressions ?? []).map((r) => r.scopeName), ['spec', 'scopeSelector', 'matchExpressions']);
  (input.spec.scopeSelector?.matchExpressions ?? []).forEach((req, i) => {
    const path = ['spec', 'scopeSelector', 'matchExpressions', i];
    if (!known(req.scopeName, [...path, 'scopeName'])) return;
    appliesTo(req.scopeName, [...path, 'scopeName']);
    if (req.scopeName !== 'PriorityClass' && req.operator !== 'Exists') {
      fail([...path, 'operator'], `must be 'Exists' when scope is ${req.scopeName} (only PriorityClass takes In, NotIn or DoesNotExist)`);
    }
    const withValues = req.operator === 'In' || req.operator === 'NotIn';
    if (withValues && req.values.length === 0) fail([...path, 'values'], `must be at least one value when operator is '${req.operator}'`);
    if (!withValues && req.values.length > 0) fail([...path, 'values'], `must be no value when operator is '${req.operator}'`);
    scopes.push({ scopeName: req.scopeName, operator: req.operator, values: req.values });
  });
  return ok ? scopes : undefined;
}

export function loadResourceQuota(ref: DocRef, _apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(ResourceQuotaSchema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, KIND, ref);
  const hard = readHard(input, ref, sink);
  const scopes = readScopes(input, ref, sink);
  if (hard === undefined || scopes === undefined) return markBroken(out, KIND, ref);
  out.resourceQuotas.push({ spec: { name: input.metadata.name, namespace: input.metadata.namespace ?? 'default', hard, scopes }, ref });
}
