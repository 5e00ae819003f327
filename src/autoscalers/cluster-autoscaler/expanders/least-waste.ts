/**
 * The least-waste expander (expander/waste/waste.go): keeps the options whose new nodes would
 * leave the smallest idle fraction, wasted cpu + wasted memory, where wasted cpu =
 * (nodeCount × node cpu − requested cpu) ÷ (nodeCount × node cpu) and likewise for memory.
 * Upstream divides by node capacity; the template's allocatable stands in for it here.
 */
import type { ExpanderContext, ExpanderDefinition, ExpanderFilter, ExpansionOption } from './expander.js';
import { keepLowest } from './expander.js';

export const LEAST_WASTE_EXPANDER_NAME = 'least-waste';

/** The blended waste score of one option (0 = nothing idle, 2 = all idle); undefined without a known group. */
export function wasteScore(option: ExpansionOption, context: ExpanderContext): number | undefined {
  const group = context.groups.get(option.group);
  if (group === undefined) return undefined;
  let cpuMillicores = 0;
  let memoryBytes = 0;
  for (const name of option.pods) {
    const pod = context.pods.get(name);
    cpuMillicores += pod?.cpuMillicores ?? 0;
    memoryBytes += pod?.memoryBytes ?? 0;
  }
  const availCpu = group.template.cpuMillicores * option.nodeCount;
  const availMemory = group.template.memoryBytes * option.nodeCount;
  return (availCpu - cpuMillicores) / availCpu + (availMemory - memoryBytes) / availMemory;
}

const leastWaste: ExpanderFilter = {
  name: LEAST_WASTE_EXPANDER_NAME,
  singleResult: false,
  bestOptions: (options, context) => keepLowest(options, (o) => wasteScore(o, context)),
};

export const leastWasteExpander: ExpanderDefinition = { name: LEAST_WASTE_EXPANDER_NAME, singleResult: false, create: () => leastWaste };
