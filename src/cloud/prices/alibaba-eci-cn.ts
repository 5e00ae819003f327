/**
 * Alibaba Cloud Elastic Container Instance (ECI) per-pod prices, CNY, Chinese-mainland site: per
 * vCPU-second and per GiB-second, pay-as-you-go, billed per second (docs/fidelity-spec.md §5.2).
 * A pod is rounded up to a supported vCPU/memory specification; one with no requests gets 2 vCPU +
 * 4 GiB. No USD per-second table was found.
 */
import type { VirtualPodSize, VirtualPricing } from '../types.js';
import type { VirtualPricingEntry } from './types.js';

const GIB = 1024 ** 3;

const PRICE_SOURCE =
  'Alibaba Cloud ECI billing, Chinese-mainland page "ECI实例计费" (help.aliyun.com/zh/eci/product-overview/elastic-container-instances, ' +
  'mirrored at m.bestwisewords.com): vCPU 0.000049 CNY/s (0.1764 CNY/h), memory 0.00000613 CNY/GiB/s (0.0221 CNY/h); agrees with the ' +
  'DescribeContainerGroupPrice example 2 vCPU + 4 GiB = 0.00012252 CNY/s (docs/fidelity-spec.md §5.2); read 2026-11-22';

const ECONOMY_SOURCE =
  'Alibaba Cloud ECI "指定算力类别" page (help.aliyun.com/zh/eci/create-job-optimized-elastic-container-instances): economy class vCPU ' +
  '0.000027 CNY/s (0.0972 CNY/h), memory unit price the same as general; public preview; read 2026-11-22';

const SIZE_SOURCE =
  'alibabacloud.com/help/en/eci/user-guide/specify-the-number-of-vcpus-and-memory-size-to-create-an-elastic-container-instance, ' +
  '"Specifications supported in all regions" (last updated 2026-06-20); read 2026-11-22';

/** Memory (GiB) choices per vCPU supported in every ECI region. */
const MEMORY_GIB_BY_VCPU: readonly (readonly [number, readonly number[]])[] = [
  [0.25, [0.5, 1]],
  [0.5, [1, 2]],
  [1, [2, 4, 8]],
  [2, [1, 2, 4, 8, 16]],
  [4, [2, 4, 8, 16, 32]],
  [8, [4, 8, 16, 32, 64]],
  [12, [12, 24, 48, 96]],
  [16, [16, 32, 64, 128]],
  [24, [24, 48, 96, 192]],
  [32, [32, 64, 128, 256]],
  [52, [96, 192, 384]],
  [64, [128, 256, 512]],
];

function sizes(maxVcpu: number): VirtualPodSize[] {
  return MEMORY_GIB_BY_VCPU.filter(([vcpu]) => vcpu <= maxVcpu).flatMap(([vcpu, memories]) =>
    memories.map((gib) => Object.freeze({ cpuMillicores: vcpu * 1000, memoryBytes: gib * GIB })),
  );
}

/**
 * The size of a pod that specifies no vCPU and no memory: "If you do not specify vCPU and memory,
 * the system creates an ECI instance with 2 vCPUs and 4 GiB of memory by default" (SIZE_SOURCE).
 */
export const ECI_NO_REQUESTS_DEFAULT: VirtualPodSize = Object.freeze({ cpuMillicores: 2000, memoryBytes: 4 * GIB });

/** Every ECI specification available in all regions, by vCPU then memory. */
export const ECI_POD_SIZES: readonly VirtualPodSize[] = Object.freeze(sizes(Number.POSITIVE_INFINITY));

function eciPricing(pricePerVcpuSecond: number, source: string, maxVcpu: number): VirtualPricing {
  return Object.freeze({
    currency: 'CNY',
    pricePerVcpuSecond,
    pricePerGibSecond: 0.00000613,
    minimumSeconds: 0,
    memoryOverheadBytes: 0,
    sizes: Object.freeze(sizes(maxVcpu)) as VirtualPodSize[],
    noRequestsDefault: ECI_NO_REQUESTS_DEFAULT,
    source: `${source}. Sizes: ${SIZE_SOURCE}`,
  });
}

export const ALIBABA_ECI_CN: readonly VirtualPricingEntry[] = Object.freeze([
  {
    provider: 'eci',
    variant: 'general',
    region: 'cn (Chinese-mainland list price)',
    pricing: eciPricing(0.000049, PRICE_SOURCE, Number.POSITIVE_INFINITY),
    caveats: [
      'CNY only: convert with spec.currency.rates (no official USD per-second table was found)',
      'billing starts when the image pull starts and ends at Succeeded/Failed; a fee below 0.01 CNY is rounded, which is not modelled',
      'region-specific extra sizes (e.g. 8 vCPU 14 GiB in Hangzhou) are left out; preemptible (spot) ECI and reserved instances are not modelled',
    ],
  },
  {
    provider: 'eci',
    variant: 'economy',
    region: 'cn (Chinese-mainland list price)',
    pricing: eciPricing(0.000027, ECONOMY_SOURCE, 8),
    caveats: ['economy class: 0.25–8 vCPU; its exact size list was not read, the general sizes up to 8 vCPU are assumed', 'public preview'],
  },
]);
