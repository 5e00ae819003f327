/**
 * `spec.clusterAutoscaler` → ClusterAutoscalerSettings: every flag over CA_DEFAULTS, the expander
 * list checked as the CA expander factory does (known names, none twice), and `enabled` defaulting to
 * true exactly when some node pool is autoscaled (minSize < maxSize; virtual pools never are).
 */
import { isAutoscaledPool } from './node-pools/autoscaled-pool.js';
import { CA_DEFAULTS } from '../autoscalers/cluster-autoscaler/config.js';
import { PRIORITY_FLOOR } from '../autoscalers/cluster-autoscaler/expanders/priority.js';
import { findRate } from '../report/cost/money.js';
import { exactToNumber } from '../units/exact-amount.js';
import { suggestionHint } from './did-you-mean.js';
import type { ProblemSink } from './problem-sink.js';
import { CA_EXPANDER_NAMES, type ClusterAutoscalerInput } from './schema/cluster-autoscaler-schema.js';
import type { ClusterAutoscalerSettings, NodePoolSpec, Scenario } from './types.js';
import type { DocRef } from './yaml/doc-ref.js';
import type { FieldPath } from './yaml/field-path.js';

const AT: FieldPath = ['spec', 'clusterAutoscaler'];

export function resolveClusterAutoscaler(
  input: ClusterAutoscalerInput | undefined,
  pools: readonly NodePoolSpec[],
  rates: Scenario['currencyRates'],
  ref: DocRef,
  sink: ProblemSink,
): ClusterAutoscalerSettings {
  const ca = input ?? {};
  const autoscaled = pools.some(isAutoscaledPool);
  const expanders = ca.expander ?? [...CA_DEFAULTS.expanders];
  checkExpanders(expanders, ref, sink);
  const enabled = ca.enabled ?? autoscaled;
  if (enabled) warnAboutExpanderInputs(expanders, pools, ref, sink);
  const prices = nodePricesUsdPerHour(pools, rates);
  if (enabled && expanders.includes('price')) warnAboutUnconvertedPrices(prices.unconverted, ref, sink);
  if (ca.enabled === true && !autoscaled) {
    sink.warn(ref.warning([...AT, 'enabled'], 'the cluster-autoscaler is enabled but no node pool can scale (every pool has minSize = maxSize)', 'give a pool maxSize > minSize'));
  }
  const d = CA_DEFAULTS;
  return {
    enabled,
    scanIntervalSeconds: ca.scanInterval ?? d.scanIntervalSeconds,
    expanders,
    scaleDownEnabled: ca.scaleDownEnabled ?? d.scaleDownEnabled,
    scaleDownUtilizationThreshold: ca.scaleDownUtilizationThreshold ?? d.scaleDownUtilizationThreshold,
    scaleDownUnneededTimeSeconds: ca.scaleDownUnneededTime ?? d.scaleDownUnneededTimeSeconds,
    scaleDownUnreadyTimeSeconds: ca.scaleDownUnreadyTime ?? d.scaleDownUnreadyTimeSeconds,
    scaleDownDelayAfterAddSeconds: ca.scaleDownDelayAfterAdd ?? d.scaleDownDelayAfterAddSeconds,
    scaleDownDelayAfterDeleteSeconds: ca.scaleDownDelayAfterDelete ?? d.scaleDownDelayAfterDeleteSeconds,
    scaleDownDelayAfterFailureSeconds: ca.scaleDownDelayAfterFailure ?? d.scaleDownDelayAfterFailureSeconds,
    unremovableNodeRecheckTimeoutSeconds: ca.unremovableNodeRecheckTimeout ?? d.unremovableNodeRecheckTimeoutSeconds,
    maxNodeProvisionTimeSeconds: ca.maxNodeProvisionTime ?? d.maxNodeProvisionTimeSeconds,
    maxNodesTotal: ca.maxNodesTotal ?? d.maxNodesTotal,
    coresTotal: { ...(ca.coresTotal ?? d.coresTotal) },
    memoryTotalGiB: { ...(ca.memoryTotal ?? d.memoryTotalGiB) },
    maxNodesPerScaleUp: ca.maxNodesPerScaleUp ?? d.maxNodesPerScaleUp,
    newPodScaleUpDelaySeconds: ca.newPodScaleUpDelay ?? d.newPodScaleUpDelaySeconds,
    maxScaleDownParallelism: ca.maxScaleDownParallelism ?? d.maxScaleDownParallelism,
    maxDrainParallelism: ca.maxDrainParallelism ?? d.maxDrainParallelism,
    maxGracefulTerminationSeconds: ca.maxGracefulTermination ?? d.maxGracefulTerminationSeconds,
    skipNodesWithSystemPods: ca.skipNodesWithSystemPods ?? d.skipNodesWithSystemPods,
    skipNodesWithLocalStorage: ca.skipNodesWithLocalStorage ?? d.skipNodesWithLocalStorage,
    ignoreDaemonSetsUtilization: ca.ignoreDaemonSetsUtilization ?? d.ignoreDaemonSetsUtilization,
    scaleDownUnreadyEnabled: ca.scaleDownUnreadyEnabled ?? d.scaleDownUnreadyEnabled,
    maxBulkSoftTaintCount: ca.maxBulkSoftTaintCount ?? d.maxBulkSoftTaintCount,
    expendablePodsPriorityCutoff: ca.expendablePodsPriorityCutoff ?? d.expendablePodsPriorityCutoff,
    nodePriceUsdPerHour: prices.usd,
  };
}

/**
 * Each priced pool's node price per hour in USD, the price expander's unit (its pod prices are the
 * GCE price model's, in USD, as a cloud provider's node prices are): converted with spec.currency's
 * rate to or from USD; a pool whose currency has none keeps its own figure and is listed.
 */
function nodePricesUsdPerHour(pools: readonly NodePoolSpec[], rates: Scenario['currencyRates']): { usd: Record<string, number>; unconverted: string[] } {
  const usd: Record<string, number> = {};
  const unconverted: string[] = [];
  for (const p of pools) {
    if (p.billing === undefined) continue;
    const rate = usdRate(p.billing.currency, rates);
    if (rate === undefined) unconverted.push(`${p.name} (${p.billing.currency})`);
    usd[p.name] = p.billing.pricePerHour * (rate ?? 1);
  }
  return { usd, unconverted };
}

/** How many USD one unit of `currency` is, by the cost report's rule (findRate: a rate given either way); undefined without one. */
function usdRate(currency: string, rates: Scenario['currencyRates']): number | undefined {
  const rate = findRate(currency, 'USD', rates);
  return rate === undefined ? undefined : exactToNumber(rate);
}

function warnAboutUnconvertedPrices(unconverted: readonly string[], ref: DocRef, sink: ProblemSink): void {
  if (unconverted.length === 0) return;
  sink.warn(
    ref.warning(
      [...AT, 'expander'],
      `the price expander weighs node prices against pod prices in USD (the GCE price model), and node pools ${unconverted.join(', ')} are priced in another currency with no rate to USD: their prices are compared as if in USD`,
      'add spec.currency.rates: [{from: <currency>, to: USD, rate: …}]',
    ),
  );
}

/** expander_factory.go: each name known and given once. */
function checkExpanders(expanders: readonly string[], ref: DocRef, sink: ProblemSink): void {
  const written = ref.valueAt([...AT, 'expander']);
  const at = (i: number): FieldPath => (Array.isArray(written) ? [...AT, 'expander', i] : [...AT, 'expander']);
  const seen = new Set<string>();
  expanders.forEach((name, i) => {
    if (!(CA_EXPANDER_NAMES as readonly string[]).includes(name)) {
      const hint = name === 'grpc' ? 'the grpc expander calls an external server, which the simulation does not have' : suggestionHint(name, CA_EXPANDER_NAMES, 'expanders');
      sink.error(ref.problem(at(i), `unknown expander "${name}"`, hint));
    } else if (seen.has(name)) {
      sink.error(ref.problem(at(i), `Expander ${name} was specified multiple times, each expander must not be specified more than once`, 'list each expander once'));
    }
    seen.add(name);
  });
}

/**
 * The priority expander needs priorities (and never picks one below -1), the price expander needs
 * prices: say when the pools lack them.
 */
function warnAboutExpanderInputs(expanders: readonly string[], pools: readonly NodePoolSpec[], ref: DocRef, sink: ProblemSink): void {
  const scalable = pools.filter(isAutoscaledPool);
  if (expanders.includes('priority') && scalable.every((p) => p.expanderPriority === undefined)) {
    sink.warn(ref.warning([...AT, 'expander'], 'the priority expander is listed but no autoscaled node pool sets expanderPriority: every group ties', 'set expanderPriority on the node pools (higher wins)'));
  }
  const belowFloor = scalable.filter((p) => p.expanderPriority !== undefined && p.expanderPriority < PRIORITY_FLOOR);
  if (expanders.includes('priority') && belowFloor.length > 0) {
    const named = belowFloor.map((p) => `${p.name} (${p.expanderPriority})`).join(', ');
    sink.warn(
      ref.warning([...AT, 'expander'], `node pools ${named} have an expanderPriority below -1, which the priority expander never picks (priority.go starts its maximum at -1): they tie with pools without one`, 'use -1 or higher for a pool to prefer last'),
    );
  }
  if (expanders.includes('price') && scalable.some((p) => p.billing === undefined)) {
    const unpriced = scalable.filter((p) => p.billing === undefined).map((p) => p.name).join(', ');
    sink.warn(ref.warning([...AT, 'expander'], `the price expander is listed but node pools ${unpriced} have no billing: they cannot be compared by price`, 'add billing to every autoscaled pool'));
  }
}
