/**
 * A node group at run time, as the cluster-autoscaler's cloud provider sees it (cloudprovider
 * NodeGroup: target size, IncreaseSize, DeleteNodes): initial nodes at t = 0, requested nodes that
 * register after a boot time drawn from the seeded `cloud` stream, deletions, and spot interruptions
 * (a Poisson rate per node-hour, with a notice before the instance is terminated; the group then
 * requests a replacement to keep its size, as an auto-scaling group does). While the pool's zone or
 * the pool itself has lost its capacity (cloud-capacity.ts) an instance asked for is not launched:
 * it counts in the target size, is not billed, carries the loss's creation error when the loss is
 * reported, and launches (billed from then, registering after its boot time) when both are back,
 * unless the cluster-autoscaler deleted it first; one launched before the loss whose boot ends
 * during it registers when both are back. A deleted or interrupted
 * node's instance ends at once (billing with it); its Node object and pods follow upstream's
 * controllers (node-teardown.ts). Plain Kubernetes hears nothing of the notice; a pool with
 * `interruptionHandling: drain` cordons and drains the node during it (spot-drain.ts).
 */
import { isAutoscaledPool } from '../scenario/node-pools/autoscaled-pool.js';
import type { Cluster } from '../cluster/cluster.js';
import type { SimNode } from '../cluster/model.js';
import { zoneLabel } from '../cluster/zone-state.js';
import { Phase } from '../core/phases.js';
import type { RandomStream } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import type { NodePoolSpec, Taint } from '../scenario/types.js';
import type { NodeTeardown } from './node-teardown.js';
import { drainOnNotice, type EvictionApi } from './spot-drain.js';
import { scopeKey, type CloudCapacity } from './cloud-capacity.js';

/** Cloud events a billing or reporting observer hears. */
export interface NodeGroupObserver {
  nodeRequested(name: string, pool: NodePoolSpec, nowSeconds: number): void;
  /** The requested node registered: its capacity exists from now (a request that expires never does). */
  nodeJoined?(name: string, nowSeconds: number): void;
  nodeGone(name: string, nowSeconds: number): void;
}

export interface UpcomingNode {
  name: string;
  requestedSeconds: number;
  /** When the instance registers; undefined while it waits for capacity (not launched). */
  readySeconds: number | undefined;
  /** Its launch failed under a reported loss (a placeholder of the AWS provider's): launched later, it is a new instance. */
  failed?: boolean;
}

/** The taint a virtual node gets while its provider is out of stock (new pods stay Pending). */
export const STOCK_OUT_TAINT: Taint = { key: 'scalesim.dev/stock-out', effect: 'NoSchedule' };

/** The cluster side of a node group: what follows a node's termination, and the eviction API a handler's drain goes through. */
export interface NodeGroupControllers {
  teardown: NodeTeardown;
  evictions: EvictionApi;
  /** The zones and pools that cannot launch instances now. */
  capacity: CloudCapacity;
}

export class NodeGroup {
  readonly upcoming: UpcomingNode[] = [];
  /** Spot interruptions so far. */
  interruptions = 0;
  private nextIndex = 0;
  /** The capacity scopes its launches need: the pool's, and its zone's (its zone label; a virtual pool has none). */
  private readonly capacityKeys: string[];

  constructor(
    readonly spec: NodePoolSpec,
    private readonly cluster: Cluster,
    private readonly sim: Simulation,
    private readonly random: RandomStream,
    private readonly observer: NodeGroupObserver,
    private readonly controllers: NodeGroupControllers,
  ) {
    const zone = spec.virtual === undefined ? zoneLabel(spec.labels) : undefined;
    this.capacityKeys = [scopeKey({ pool: spec.name }), ...(zone === undefined ? [] : [scopeKey({ zone })])];
    // A reported loss fails every instance of the group still waiting to launch, as the AWS
    // provider marks every placeholder once the group's scaling activity failed.
    for (const key of this.capacityKeys) {
      controllers.capacity.onReportedLoss(key, () => {
        for (const u of this.upcoming) if (u.readySeconds === undefined) u.failed = true;
      });
    }
  }

  get name(): string {
    return this.spec.name;
  }

  /** Live nodes of this group: registered, and their instance not terminated (a Node object may outlive it). */
  get nodes(): SimNode[] {
    return this.cluster.nodes.filter((n) => n.pool === this.spec && n.instanceGoneSeconds === undefined);
  }

  /** Target size: live nodes plus nodes still booting. */
  get targetSize(): number {
    return this.nodes.length + this.upcoming.length;
  }

  get autoscaled(): boolean {
    return isAutoscaledPool(this.spec);
  }

  /** The nodes present at t = 0 (already running: a warm cluster). */
  startInitial(): void {
    for (let i = 0; i < this.spec.count; i++) this.addNow();
  }

  /** IncreaseSize: `count` new nodes, each Ready after its boot time (launched when there is capacity). */
  increaseSize(count: number): void {
    const { min, max } = this.spec.bootSeconds;
    for (let i = 0; i < count; i++) {
      const name = `${this.spec.name}-${this.nextIndex++}`;
      const bootSeconds = min + (max - min) * this.random.next();
      const request: UpcomingNode = { name, requestedSeconds: this.sim.nowSeconds, readySeconds: undefined };
      this.upcoming.push(request);
      const capacity = this.controllers.capacity;
      if (capacity.outKey(this.capacityKeys) === undefined) this.launch(request, bootSeconds);
      else {
        if (capacity.creationError(this.capacityKeys) !== undefined) request.failed = true;
        this.whenCapacityBack(request, 'launch', () => this.launch(request, bootSeconds));
      }
    }
  }

  /**
   * The instance runs (and is billed) from now and registers after its boot, or when its zone is
   * back if the zone is down then (a capacityLoss alone leaves a booting instance be). One that had
   * failed is a new instance in the failed one's place (the AWS provider's real instance replacing
   * its placeholder): unregistered from now.
   */
  private launch(request: UpcomingNode, bootSeconds: number): void {
    const now = this.sim.nowSeconds;
    request.readySeconds = now + bootSeconds;
    if (request.failed === true) {
      request.requestedSeconds = now;
      delete request.failed;
    }
    this.observer.nodeRequested(request.name, this.spec, now);
    this.sim.scheduleAfter(bootSeconds, Phase.LIFECYCLE, `cloud/${this.spec.name}`, () => {
      if (!this.upcoming.includes(request)) return;
      this.whenCapacityBack(request, 'register', () => this.registerUpcoming(request));
    });
  }

  /**
   * Runs `then` once nothing holds the request back (at once if nothing does), if it is still upcoming
   * then: to launch, neither its pool nor its zone may be out; to register once booted, neither may
   * be down.
   */
  private whenCapacityBack(request: UpcomingNode, step: 'launch' | 'register', then: () => void): void {
    const capacity = this.controllers.capacity;
    const holding = step === 'launch' ? capacity.outKey(this.capacityKeys) : capacity.downKey(this.capacityKeys);
    if (holding === undefined) then();
    else capacity.whenRestored(holding, () => {
      if (this.upcoming.includes(request)) this.whenCapacityBack(request, step, then);
    });
  }

  /** The creation error the cloud provider lists the request with: not launched while a reported loss of its pool or zone lasts (cloudprovider InstanceErrorInfo). */
  creationErrorOf(request: UpcomingNode): string | undefined {
    return request.readySeconds === undefined ? this.controllers.capacity.creationError(this.capacityKeys) : undefined;
  }

  private registerUpcoming(request: UpcomingNode): void {
    this.upcoming.splice(this.upcoming.indexOf(request), 1);
    this.register(request.name);
  }

  /** DeleteNodes: the instance is terminated and billed no more; the Node object and its pods follow (node-teardown.ts). */
  deleteNode(node: SimNode): void {
    if (node.removed || node.instanceGoneSeconds !== undefined) return;
    this.controllers.teardown.terminate(node);
    this.observer.nodeGone(node.name, this.sim.nowSeconds);
  }

  /**
   * Deletes the requested instances older than `maxProvisionSeconds` that never registered, as the
   * cluster-autoscaler's removeOldUnregisteredNodes does with its LongUnregistered nodes; returns
   * how many. The backoff comes from the group's scale-up request timing out (cluster-state.ts). An
   * instance never launched (no capacity) was never billed: the observer hears nothing of it. One
   * with a creation error is not an unregistered node (clusterstate.go expectedToRegister): only
   * deleteFailedRequests deletes it.
   */
  expireRequests(maxProvisionSeconds: number): number {
    const now = this.sim.nowSeconds;
    const expired = this.upcoming.filter((u) => this.creationErrorOf(u) === undefined && now - u.requestedSeconds > maxProvisionSeconds);
    for (const u of expired) {
      this.upcoming.splice(this.upcoming.indexOf(u), 1);
      if (u.readySeconds !== undefined) this.observer.nodeGone(u.name, now);
    }
    return expired.length;
  }

  /**
   * DeleteNodes for the instances whose launch failed (static_autoscaler.go
   * deleteCreatedNodesWithErrors): they leave the target size; never launched, never billed.
   * Returns how many.
   */
  deleteFailedRequests(): number {
    const before = this.upcoming.length;
    for (let i = this.upcoming.length - 1; i >= 0; i--) if (this.creationErrorOf(this.upcoming[i]!) !== undefined) this.upcoming.splice(i, 1);
    return before - this.upcoming.length;
  }

  private addNow(): void {
    const name = `${this.spec.name}-${this.nextIndex++}`;
    this.observer.nodeRequested(name, this.spec, this.sim.nowSeconds);
    this.register(name);
  }

  private register(name: string): void {
    this.observer.nodeJoined?.(name, this.sim.nowSeconds);
    const node = this.cluster.addNode(this.spec, Number(name.slice(name.lastIndexOf('-') + 1)));
    this.scheduleInterruption(node);
    this.applyVirtualLimits(node);
  }

  /**
   * A virtual pool's quota and stock-outs: a vCPU quota caps the node's allocatable CPU (pods past
   * it stay Pending), and during a stock-out window the node is tainted so no new pod lands there
   * (a window open at registration, e.g. from 0 s, at once).
   */
  private applyVirtualLimits(node: SimNode): void {
    const virtual = this.spec.virtual;
    if (virtual === undefined) return;
    if (virtual.maxCpuMillicores !== undefined) node.cpuAllocatableMillicores = virtual.maxCpuMillicores;
    for (const window of virtual.stockOuts) {
      if (window.toSeconds <= this.sim.nowSeconds) continue;
      // A window already open is applied at once, so the warm start's pods (placed before the
      // first event runs) are held back like any other pod.
      if (window.fromSeconds <= this.sim.nowSeconds) this.cluster.setTaint(node, STOCK_OUT_TAINT, true);
      else {
        this.sim.scheduleAt(window.fromSeconds, Phase.LIFECYCLE, `cloud/${this.spec.name}/stock-out`, () => this.cluster.setTaint(node, STOCK_OUT_TAINT, true));
      }
      this.sim.scheduleAt(window.toSeconds, Phase.LIFECYCLE, `cloud/${this.spec.name}/stock-out`, () => this.cluster.setTaint(node, STOCK_OUT_TAINT, false));
    }
  }

  /**
   * Spot: the time to this node's interruption notice is exponential with the group's rate; the
   * instance is terminated `interruptionNotice` later. Only a handler (`interruptionHandling: drain`)
   * acts on the notice.
   */
  private scheduleInterruption(node: SimNode): void {
    const billing = this.spec.billing;
    const rate = billing?.kind === 'spot' ? (billing.interruptionRatePerHour ?? 0) : 0;
    if (!(rate > 0)) return;
    const afterSeconds = (-Math.log(1 - this.random.next()) / rate) * 3600;
    const notice = billing?.interruptionNoticeSeconds ?? 120;
    const gone = (): boolean => node.removed || node.instanceGoneSeconds !== undefined;
    this.sim.scheduleAfter(afterSeconds, Phase.LIFECYCLE, `cloud/${this.spec.name}/spot`, () => {
      if (gone()) return;
      if (billing?.interruptionHandling === 'drain') drainOnNotice(this.sim, this.cluster, this.controllers.evictions, node, this.sim.nowSeconds + notice);
      this.sim.scheduleAfter(notice, Phase.LIFECYCLE, `cloud/${this.spec.name}/spot`, () => {
        if (gone()) return;
        this.deleteNode(node);
        this.interruptions++;
        this.increaseSize(1);
      });
    });
  }
}
