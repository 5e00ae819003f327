/**
 * Rounds a virtual pod's requests up to a size the provider sells (docs/fidelity-spec.md §5.2):
 * ECI rounds to a supported vCPU/memory combination, and sizes a pod that specifies neither vCPU
 * nor memory at 2 vCPU + 4 GiB (VirtualPricing.noRequestsDefault); Fargate first adds 256 MiB for
 * the kubelet and friends (VirtualPricing.memoryOverheadBytes), then takes the next valid
 * combination (a pod without requests gets the smallest).
 */
import type { VirtualPodSize, VirtualPricing } from './types.js';
import { exactCompare, type ExactAmount } from '../units/exact-amount.js';
import { calculateVirtualPricePerSecond } from './virtual-price.js';

export interface VirtualSizeRequests {
  cpuMillicores: number;
  memoryBytes: number;
}

/**
 * ExactFit: the size equals requests + overhead; RoundedUp: it is larger in cpu or memory;
 * NoRequestsDefault: the pod requests nothing and the provider's default size (rounded up) is used.
 */
export type VirtualSizeReason = 'ExactFit' | 'RoundedUp' | 'NoRequestsDefault';

export type VirtualSizeResult =
  | { size: VirtualPodSize; reason: VirtualSizeReason; pricePerSecond: ExactAmount }
  | { error: string };

/**
 * Whether any size in `pricing.sizes` covers the requests (plus the provider's memory overhead):
 * a virtual node refuses a pod none covers, so it stays Pending (the provider cannot create it).
 */
export function coversVirtualRequests(requests: VirtualSizeRequests, pricing: VirtualPricing): boolean {
  const neededMemoryBytes = requests.memoryBytes + pricing.memoryOverheadBytes;
  return pricing.sizes.some((s) => s.cpuMillicores >= requests.cpuMillicores && s.memoryBytes >= neededMemoryBytes);
}

/**
 * The cheapest size in `pricing.sizes` with cpuMillicores ≥ requests.cpuMillicores and
 * memoryBytes ≥ requests.memoryBytes + pricing.memoryOverheadBytes. Ties on price go to fewer
 * vCPU, then to less memory. Cheapest rather than "smallest" because the per-second price
 * (vCPU × pricePerVcpuSecond + GiB × pricePerGibSecond) is what the user pays; with positive unit
 * prices it is also the smallest covering size. A pod with no cpu and no memory requests is sized
 * as `pricing.noRequestsDefault` when set. Returns {error} when no size covers the requests.
 */
export function roundUpToVirtualSize(requests: VirtualSizeRequests, pricing: VirtualPricing): VirtualSizeResult {
  const fallback = pricing.noRequestsDefault;
  if (fallback !== undefined && requests.cpuMillicores === 0 && requests.memoryBytes === 0) {
    const sized = roundUpToVirtualSize(fallback, { ...pricing, noRequestsDefault: undefined });
    return 'size' in sized ? { ...sized, reason: 'NoRequestsDefault' } : sized;
  }
  const neededCpuMillicores = requests.cpuMillicores;
  const neededMemoryBytes = requests.memoryBytes + pricing.memoryOverheadBytes;
  let best: { size: VirtualPodSize; pricePerSecond: ExactAmount } | undefined;
  for (const size of pricing.sizes) {
    if (size.cpuMillicores < neededCpuMillicores || size.memoryBytes < neededMemoryBytes) continue;
    const pricePerSecond = calculateVirtualPricePerSecond(size, pricing);
    if (best === undefined || isBetter(size, pricePerSecond, best.size, best.pricePerSecond)) {
      best = { size, pricePerSecond };
    }
  }
  if (best === undefined) {
    return {
      error:
        `no valid size (${pricing.source}) covers ${neededCpuMillicores} millicores and ` +
        `${neededMemoryBytes} bytes (requests + ${pricing.memoryOverheadBytes} bytes overhead)`,
    };
  }
  const exact = best.size.cpuMillicores === neededCpuMillicores && best.size.memoryBytes === neededMemoryBytes;
  return { size: { ...best.size }, reason: exact ? 'ExactFit' : 'RoundedUp', pricePerSecond: best.pricePerSecond };
}

function isBetter(size: VirtualPodSize, price: ExactAmount, best: VirtualPodSize, bestPrice: ExactAmount): boolean {
  const byPrice = exactCompare(price, bestPrice);
  if (byPrice !== 0) return byPrice < 0;
  if (size.cpuMillicores !== best.cpuMillicores) return size.cpuMillicores < best.cpuMillicores;
  return size.memoryBytes < best.memoryBytes;
}
