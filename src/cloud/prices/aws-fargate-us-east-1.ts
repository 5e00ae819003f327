/**
 * AWS Fargate (EKS) per-pod prices in us-east-1, USD: per vCPU-hour and GB-hour (kept here per second),
 * billed per second with a 1-minute minimum. A pod is sized to the smallest valid vCPU/memory
 * combination after 256 MB is added for kubelet, kube-proxy and containerd (docs/fidelity-spec.md §5.2).
 */
import type { VirtualPodSize, VirtualPricing } from '../types.js';
import type { VirtualPricingEntry } from './types.js';

const GIB = 1024 ** 3;
const SECONDS_PER_HOUR = 3600;

const PRICE_SOURCE =
  'AWS Fargate pricing, us-east-1, as summarised by vantage.sh/blog/fargate-pricing (Linux/x86 $0.04048 per vCPU-hour, $0.004445 per GB-hour; ' +
  'Linux/ARM $0.03238 and $0.00356; per second, 1-minute minimum) and wring.co (2026-03-10, same x86 figures); third-party summaries of ' +
  'aws.amazon.com/fargate/pricing, not read from AWS directly; read 2026-11-22';

const SIZE_SOURCE =
  'docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html: valid vCPU/memory combinations and "Fargate adds 256 MB to each ' +
  "Pod's memory reservation\"; read 2026-11-22";

/** Memory (GB) choices per vCPU on EKS Fargate; AWS's "GB" here are binary (Fargate sizes memory in MiB: 512, 1024…). */
const MEMORY_GB_BY_VCPU: readonly (readonly [number, readonly number[]])[] = [
  [0.25, [0.5, 1, 2]],
  [0.5, [1, 2, 3, 4]],
  [1, range(2, 8, 1)],
  [2, range(4, 16, 1)],
  [4, range(8, 30, 1)],
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** Every valid EKS Fargate pod size, by vCPU then memory. */
export const FARGATE_POD_SIZES: readonly VirtualPodSize[] = Object.freeze(
  MEMORY_GB_BY_VCPU.flatMap(([vcpu, memories]) => memories.map((gb) => Object.freeze({ cpuMillicores: vcpu * 1000, memoryBytes: gb * GIB }))),
);

/** Memory Fargate adds to a pod's requests before sizing (kubelet, kube-proxy, containerd). */
export const FARGATE_MEMORY_OVERHEAD_BYTES = 256 * 1024 ** 2;

function fargatePricing(vcpuHour: number, gbHour: number, architecture: string): VirtualPricing {
  return Object.freeze({
    currency: 'USD',
    pricePerVcpuSecond: vcpuHour / SECONDS_PER_HOUR,
    pricePerGibSecond: gbHour / SECONDS_PER_HOUR,
    minimumSeconds: 60,
    memoryOverheadBytes: FARGATE_MEMORY_OVERHEAD_BYTES,
    sizes: FARGATE_POD_SIZES as VirtualPodSize[],
    source: `${PRICE_SOURCE} (Linux/${architecture}: $${vcpuHour} per vCPU-hour, $${gbHour} per GB-hour). Sizes: ${SIZE_SOURCE}`,
  });
}

export const AWS_FARGATE_US_EAST_1: readonly VirtualPricingEntry[] = Object.freeze([
  {
    provider: 'fargate',
    variant: 'x86',
    region: 'us-east-1',
    pricing: fargatePricing(0.04048, 0.004445, 'x86'),
    caveats: ['20 GB of ephemeral storage per pod are included; extra storage is not priced', 'Fargate Spot and Savings Plans are not modelled'],
  },
  {
    provider: 'fargate',
    variant: 'arm',
    region: 'us-east-1',
    pricing: fargatePricing(0.03238, 0.00356, 'ARM'),
    caveats: ['ARM (Graviton) Fargate is documented for ECS tasks; EKS Fargate pods run on x86 — use it for comparisons only'],
  },
]);
