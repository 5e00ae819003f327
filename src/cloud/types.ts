/**
 * Types of the cloud side: how nodes are billed (reserved, on-demand, spot), virtual burst pools
 * (virtual-kubelet nodes of Alibaba ECI, Azure ACI, AWS Fargate: billed per pod), and the records
 * the billing ledger keeps for the cost report. Money carries its currency; nothing converts it
 * without a rate the user gives.
 */

/** ISO 4217 currency code, e.g. USD, CNY. */
export type Currency = string;

export type BillingKind = 'reserved' | 'onDemand' | 'spot';

/** A spot pool's interruption handler: none (plain Kubernetes) or drain (AWS Node Termination Handler, Karpenter, EKS managed node groups). */
export const INTERRUPTION_HANDLINGS = ['none', 'drain'] as const;
export type InterruptionHandling = (typeof INTERRUPTION_HANDLINGS)[number];

/** How one node of a pool is billed. */
export interface NodeBilling {
  kind: BillingKind;
  currency: Currency;
  /**
   * reserved: the monthly subscription price of one node, paid for the whole run whether used or not
   * (prorated to the run's length over a 730-hour month); onDemand/spot: the hourly price.
   */
  pricePerHour: number;
  /** Billing step: 1 = per second, 3600 = per started hour (on-demand, spot). */
  granularitySeconds: number;
  /** Minimum billed time of one node (e.g. 60 s on EC2 per-second billing). */
  minimumSeconds: number;
  /** Spot: interruptions per node-hour (a seeded Poisson rate) and the notice before the node goes. */
  interruptionRatePerHour?: number;
  interruptionNoticeSeconds?: number;
  /** Spot: what acts on the notice: nothing (plain Kubernetes) or a handler that cordons and drains the node (src/cloud/spot-drain.ts). */
  interruptionHandling?: InterruptionHandling;
  /** Where the price came from (a bundled table entry, or "scenario"). */
  source: string;
}

/** A valid virtual pod size (vCPU and memory combination the provider sells). */
export interface VirtualPodSize {
  cpuMillicores: number;
  memoryBytes: number;
}

export type VirtualProvider = 'eci' | 'aci' | 'fargate';

/** Per-pod pricing of a virtual burst pool (docs/fidelity-spec.md §5.2). */
export interface VirtualPricing {
  currency: Currency;
  pricePerVcpuSecond: number;
  pricePerGibSecond: number;
  /** Minimum billed time of one pod (Fargate 60 s). */
  minimumSeconds: number;
  /** Memory added to the pod's requests before sizing (Fargate: 256 MiB for kubelet and friends). */
  memoryOverheadBytes: number;
  /** The sizes a pod is rounded up to (smallest that fits both cpu and memory). */
  sizes: VirtualPodSize[];
  /**
   * What a pod that requests no cpu and no memory is sized as (ECI: 2 vCPU + 4 GiB); unset: it gets
   * the smallest size, as on Fargate.
   */
  noRequestsDefault?: VirtualPodSize;
  source: string;
}

/** Start-up latency of a virtual pod: sandbox, image pull (or the image cache), container start. */
export interface VirtualStartup {
  sandboxSeconds: number;
  imagePullSeconds: number;
  /** Image pull when the image is in the provider's image cache. */
  cachedImagePullSeconds: number;
  imageCache: boolean;
  containerStartSeconds: number;
}

export interface VirtualPoolSettings {
  provider: VirtualProvider;
  pricing: VirtualPricing;
  startup: VirtualStartup;
  /** Quota: most pods (and vCPUs) the pool runs at once; undefined = no practical limit. */
  maxPods?: number;
  maxCpuMillicores?: number;
  /** Windows in which the provider has no stock: new pods stay Pending. */
  stockOuts: { fromSeconds: number; toSeconds: number }[];
}

/** One node's life for billing: from creation (requested) to deletion, in simulation seconds. */
export interface NodeBillingRecord {
  node: string;
  pool: string;
  billing: NodeBilling;
  startSeconds: number;
  /** When it registered and its capacity began to exist (after its boot); undefined: it never did (an expired request). */
  joinedSeconds?: number;
  /** undefined while the node still exists at the end of the run. */
  endSeconds: number | undefined;
  cpuMillicores: number;
  memoryBytes: number;
}

/** One virtual pod's life for billing: from image pull start to pod end. */
export interface VirtualPodBillingRecord {
  pod: string;
  workload: string;
  pool: string;
  pricing: VirtualPricing;
  size: VirtualPodSize;
  startSeconds: number;
  endSeconds: number | undefined;
}
