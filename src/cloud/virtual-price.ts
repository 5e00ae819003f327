/**
 * The per-second price of one virtual pod size (docs/fidelity-spec.md §5.2, Alibaba ECI billing:
 * fee = (vCPU × vCPU unit price + GiB × memory unit price) × seconds; Fargate bills the same way).
 */
import type { VirtualPodSize, VirtualPricing } from './types.js';
import { exactAdd, exactFraction, exactFromNumber, exactMultiply, type ExactAmount } from '../units/exact-amount.js';

const VCPU_PER_MILLICORE = exactFraction(1n, 1000n);
const GIB_PER_BYTE = exactFraction(1n, 2n ** 30n);

/**
 * Exact price per second of `size` in `pricing.currency`: vCPU = cpuMillicores / 1000,
 * GiB = memoryBytes / 2^30 (binary gibibytes, as ECI and Fargate quote memory).
 */
export function calculateVirtualPricePerSecond(size: VirtualPodSize, pricing: VirtualPricing): ExactAmount {
  const vcpu = exactMultiply(exactFromNumber(size.cpuMillicores), VCPU_PER_MILLICORE);
  const gib = exactMultiply(exactFromNumber(size.memoryBytes), GIB_PER_BYTE);
  return exactAdd(
    exactMultiply(vcpu, exactFromNumber(pricing.pricePerVcpuSecond)),
    exactMultiply(gib, exactFromNumber(pricing.pricePerGibSecond)),
  );
}
