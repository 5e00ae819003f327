/**
 * The price expander (expander/price/price.go priceBased, preferred.go): scores each option by
 * how well the money is spent and how close the node is to a "preferred" node for the cluster's
 * size, and keeps the lowest scores.
 *
 *   priceSubScore = (nodeCount × nodePrice + stabilization) ÷ (Σ podPrice + stabilization)
 *   unfitness     = max(preferredCpu ÷ nodeCpu, nodeCpu ÷ preferredCpu)
 *   suppressed    = (unfitness − 1) × (1 − tanh((nodeCount − 1) ÷ 15)) + 1
 *   score         = suppressed × priceSubScore
 *
 * Prices are for one hour. A pod's price is its requests at the GCE base rates (the price model
 * upstream uses when no instance price is known); the stabilization price is that of a 500m/500MiB
 * pod. Options whose group has no price are dropped; when no option has one, every option is kept.
 */
import type { CaPod } from '../types.js';
import type { ExpanderContext, ExpanderDefinition, ExpanderFilter, ExpansionOption } from './expander.js';
import { keepLowest } from './expander.js';

export const PRICE_EXPANDER_NAME = 'price';

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;
/** cloudprovider/gce/gce_price_model.go cpuPricePerHour and memoryPricePerHourPerGb. */
export const POD_CPU_PRICE_PER_CORE_HOUR = 0.033174;
export const POD_MEMORY_PRICE_PER_GIB_HOUR = 0.004446;

/** PodPrice: the theoretical price of a pod's requests for one hour. */
export function podPricePerHour(cpuMillicores: number, memoryBytes: number): number {
  return (cpuMillicores / 1000) * POD_CPU_PRICE_PER_CORE_HOUR + (memoryBytes / GIB) * POD_MEMORY_PRICE_PER_GIB_HOUR;
}

/** SimplePreferredNodeProvider: the preferred node doubles in cpu each time the cluster triples. */
export function preferredNodeCpuMillicores(clusterNodeCount: number): number {
  if (clusterNodeCount <= 2) return 1000;
  if (clusterNodeCount <= 6) return 2000;
  if (clusterNodeCount <= 20) return 4000;
  if (clusterNodeCount <= 60) return 8000;
  if (clusterNodeCount <= 200) return 16000;
  return 32000;
}

/** The option's price score (lower is better); undefined when its group has no price. */
export function priceScore(option: ExpansionOption, context: ExpanderContext): number | undefined {
  const group = context.groups.get(option.group);
  if (group?.priceUsdPerHour === undefined) return undefined;
  const stabilization = podPricePerHour(500, 500 * MIB);
  const totalNodePrice = group.priceUsdPerHour * option.nodeCount;
  let totalPodPrice = 0;
  for (const name of option.pods) {
    const pod: CaPod | undefined = context.pods.get(name);
    if (pod !== undefined) totalPodPrice += podPricePerHour(pod.cpuMillicores, pod.memoryBytes);
  }
  const priceSubScore = (totalNodePrice + stabilization) / (totalPodPrice + stabilization);
  const preferred = preferredNodeCpuMillicores(context.clusterNodeCount);
  const nodeCpu = group.template.cpuMillicores;
  const unfitness = Math.max(preferred / nodeCpu, nodeCpu / preferred);
  const suppressed = (unfitness - 1) * (1 - Math.tanh((option.nodeCount - 1) / 15)) + 1;
  return suppressed * priceSubScore;
}

const price: ExpanderFilter = {
  name: PRICE_EXPANDER_NAME,
  singleResult: false,
  bestOptions(options, context) {
    const best = keepLowest(options, (o) => priceScore(o, context));
    return best.length === 0 ? [...options] : best;
  },
};

export const priceExpander: ExpanderDefinition = { name: PRICE_EXPANDER_NAME, singleResult: false, create: () => price };
