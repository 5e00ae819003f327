/**
 * The node lifecycle controller's NoExecute tainting (kube-controller-manager
 * pkg/controller/nodelifecycle node_lifecycle_controller.go): a NotReady node is not tainted
 * NoExecute at once but queued in its zone (processTaintBaseEviction → markNodeForTainting), and
 * each zone's queue is tried every 100 ms (doNoExecuteTaintingPass) through the zone's limiter
 * (eviction-limiter.ts): 0.1 nodes a second by default, so several nodes failing together in one
 * zone are tainted 10 s apart. At each health pass (every 5 s) the zones' states follow their
 * nodes' Ready conditions (zone-state.ts, handleDisruption): a zone mostly NotReady is tainted
 * slowly (a large one) or not at all, and when every zone is fully disrupted no node is tainted and
 * the NoExecute taints come off every node (markNodeAsReachable, "master disruption mode"), until a
 * node somewhere is Ready again; the taint manager then drops the pods' pending evictions (each
 * tainting hands its caller a check that turns false when the taint comes off).
 * Modelled, beyond upstream's code paths:
 * - zones are evaluated only at the passes after a node's Ready condition changes or a node is added
 *   or removed while any node is NotReady or any zone is disrupted (between them the states cannot
 *   change); each zone's limiter is kept from its first use, so its token state carries over;
 * - a queue holds nodes in the order they were asked for (upstream's heap orders them by the instant
 *   of the ask within a pass, in the informer's node order); a node is tried at the instant it is
 *   asked for (the 100 ms loop's phase is unknown; the passes fall on its ticks) and later at the
 *   first tick when the zone's token is back;
 * - a node Ready again leaves its queue at once (upstream: at the next pass, unless tried before);
 *   a deleted node stays queued and spends a token when tried, as upstream ("no longer present");
 * - after master disruption mode the still NotReady nodes are queued again in the order first
 *   asked; the probe timestamps it resets on exit (delaying NotReady for a node whose kubelet just
 *   died) are not modelled.
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { Taint } from '../scenario/pod-template-types.js';
import type { Cluster } from './cluster.js';
import { EvictionLimiter } from './eviction-limiter.js';
import type { SimNode } from './model.js';
import { NODE_NOT_READY_NO_EXECUTE_TAINT, NODE_UNREACHABLE_NO_EXECUTE_TAINT } from './node-health.js';
import { NODE_MONITOR_DEFAULTS, passIndexAtOrAfter } from './node-not-ready-time.js';
import { NODE_EVICTION_DEFAULTS, computeZoneState, disruptionStep, zoneEvictionRate, zoneKey, type ZoneState } from './zone-state.js';

const COMPONENT = 'node-lifecycle-controller';

/** Called when the node is tainted, with a check that stays true while that taint is on. */
export type OnTainted = (stillTainted: () => boolean) => void;

interface Ask {
  taint: Taint;
  onTainted: OnTainted;
}

interface Zone {
  state: ZoneState;
  limiter: EvictionLimiter;
  queue: SimNode[];
  /** The tick a retry is scheduled for, if any. */
  retryAtSeconds: number | undefined;
}

export class NoExecuteTainter {
  private readonly zones = new Map<string, Zone>();
  /** NotReady nodes asked for, queued or tainted, in the order asked (a Map keeps it). */
  private readonly asks = new Map<SimNode, Ask>();
  /** Each node's tainting count: a taint's check compares it. */
  private readonly generations = new Map<SimNode, number>();
  private readonly notReady = new Set<SimNode>();
  /** Each node's zone key, made once (a node's labels do not change). */
  private readonly zoneKeys = new Map<SimNode, string>();
  private passAtSeconds: number | undefined;
  private readonly ticksPerSecond = Math.round(1 / NODE_EVICTION_DEFAULTS.evictionPeriodSeconds);

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
  ) {
    cluster.addListener({
      nodeAdded: (node) => {
        this.zoneKeys.set(node, zoneKey(node.labels));
        if (!node.ready) this.notReady.add(node);
        this.conditionsChanged();
      },
      nodeRemoved: (node) => {
        this.notReady.delete(node);
        this.asks.delete(node);
        this.zoneKeys.delete(node);
        this.conditionsChanged();
      },
      nodeReadyChanged: (node) => {
        if (node.ready) {
          this.notReady.delete(node);
          this.forget(node);
        } else this.notReady.add(node);
        this.conditionsChanged();
      },
    });
  }

  /** markNodeForTainting: at a health pass that finds `node` NotReady, queue it for `taint` (once per NotReady spell). */
  request(node: SimNode, taint: Taint, onTainted: OnTainted): void {
    if (node.removed || node.ready || this.asks.has(node)) return;
    this.asks.set(node, { taint, onTainted });
    const zone = this.zone(this.zoneKeyOf(node));
    zone.queue.push(node);
    this.tryZone(zone);
  }

  private zoneKeyOf(node: SimNode): string {
    return this.zoneKeys.get(node) ?? zoneKey(node.labels);
  }

  private zone(key: string): Zone {
    let zone = this.zones.get(key);
    if (zone === undefined) {
      // addPodEvictorForNewZone: a full bucket at the normal rate.
      zone = { state: 'Initial', limiter: EvictionLimiter.full(NODE_EVICTION_DEFAULTS.evictionRatePerSecond), queue: [], retryAtSeconds: undefined };
      this.zones.set(key, zone);
    }
    return zone;
  }

  /** RateLimitedTimedQueue.Try: a token per node tried, the node tainted unless it is gone. */
  private tryZone(zone: Zone): void {
    const now = this.sim.nowSeconds;
    while (zone.queue.length > 0 && zone.limiter.tryAccept(now)) {
      const node = zone.queue.shift()!;
      const ask = this.asks.get(node);
      if (ask !== undefined && !node.removed && !node.ready) this.taint(node, ask);
    }
    if (zone.queue.length === 0) return;
    const tokenAt = zone.limiter.nextTokenSeconds(now);
    if (tokenAt === undefined) return;
    const tick = Math.ceil(tokenAt * this.ticksPerSecond - 1e-6) / this.ticksPerSecond;
    if (zone.retryAtSeconds !== undefined && zone.retryAtSeconds <= tick) return;
    zone.retryAtSeconds = tick;
    this.sim.scheduleAt(tick, Phase.LIFECYCLE, COMPONENT, () => {
      if (zone.retryAtSeconds !== tick) return;
      zone.retryAtSeconds = undefined;
      this.tryZone(zone);
    });
  }

  private taint(node: SimNode, ask: Ask): void {
    this.cluster.setTaint(node, ask.taint, true);
    const generation = (this.generations.get(node) ?? 0) + 1;
    this.generations.set(node, generation);
    ask.onTainted(() => this.generations.get(node) === generation && !node.removed);
  }

  /** markNodeAsReachable: the NoExecute condition taints off, the node out of its queue. */
  private untaint(node: SimNode): void {
    this.cluster.setTaint(node, NODE_UNREACHABLE_NO_EXECUTE_TAINT, false);
    this.cluster.setTaint(node, NODE_NOT_READY_NO_EXECUTE_TAINT, false);
    this.generations.set(node, (this.generations.get(node) ?? 0) + 1);
  }

  /** A Ready node: out of its queue, its ask dropped (Cluster.setNodeReady takes the taints off). */
  private forget(node: SimNode): void {
    if (!this.asks.delete(node)) return;
    this.generations.set(node, (this.generations.get(node) ?? 0) + 1);
    const zone = this.zones.get(this.zoneKeyOf(node));
    const at = zone?.queue.indexOf(node) ?? -1;
    if (at >= 0) zone!.queue.splice(at, 1);
  }

  /** The zones' states can change: evaluate them at the next health pass, when anything is or was disrupted. */
  private conditionsChanged(): void {
    if (this.notReady.size === 0 && [...this.zones.values()].every((z) => z.state === 'Normal' || z.state === 'Initial')) return;
    const { monitorStartSeconds, monitorPeriodSeconds } = NODE_MONITOR_DEFAULTS;
    const pass = monitorStartSeconds + passIndexAtOrAfter(NODE_MONITOR_DEFAULTS, this.sim.nowSeconds) * monitorPeriodSeconds;
    if (this.passAtSeconds === pass) return;
    this.passAtSeconds = pass;
    this.sim.scheduleAt(pass, Phase.LIFECYCLE, COMPONENT, () => {
      this.passAtSeconds = undefined;
      this.handleDisruption();
    });
  }

  /** handleDisruption at a health pass. */
  private handleDisruption(): void {
    const now = this.sim.nowSeconds;
    const counts = new Map<string, { ready: number; notReady: number }>();
    for (const node of this.cluster.nodes) {
      if (node.removed) continue;
      const key = this.zoneKeyOf(node);
      const c = counts.get(key) ?? { ready: 0, notReady: 0 };
      if (node.ready) c.ready++;
      else c.notReady++;
      counts.set(key, c);
    }
    const current = new Map([...counts].map(([key, c]) => [key, computeZoneState(c.ready, c.notReady).state]));
    for (const key of [...this.zones.keys()]) if (!counts.has(key)) this.zones.delete(key);
    const previous = new Map([...this.zones].map(([key, z]) => [key, z.state]));
    const step = disruptionStep(previous, current);
    const setRate = (key: string): void => {
      const zone = this.zone(key);
      const c = counts.get(key)!;
      zone.state = current.get(key)!;
      zone.limiter = zone.limiter.swap(zoneEvictionRate(zone.state, c.ready + c.notReady).ratePerSecond, now);
    };
    if (step.kind === 'enterMasterDisruption') {
      for (const node of this.cluster.nodes) if (!node.removed) this.untaint(node);
      for (const key of current.keys()) {
        const zone = this.zone(key);
        zone.limiter = zone.limiter.swap(0, now);
        zone.state = 'FullDisruption';
        zone.queue = [];
      }
      return;
    }
    if (step.kind === 'exitMasterDisruption') {
      for (const key of current.keys()) setRate(key);
      // Every NotReady node is asked for again at the passes after the mode began: queued in the order first asked.
      for (const zone of this.zones.values()) zone.queue = [];
      for (const node of this.asks.keys()) if (!node.removed && !node.ready) this.zone(this.zoneKeyOf(node)).queue.push(node);
    } else if (step.kind === 'zones') {
      for (const key of step.changed) setRate(key);
    } else return;
    for (const zone of this.zones.values()) if (zone.queue.length > 0) this.tryZone(zone);
  }
}
