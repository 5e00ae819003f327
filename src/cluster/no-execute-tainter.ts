/**
 * The node lifecycle controller's NoExecute tainting (kube-controller-manager
 * pkg/controller/nodelifecycle node_lifecycle_controller.go): a NotReady node is not tainted
 * NoExecute at once but queued in its zone (processTaintBaseEviction → markNodeForTainting), and
 * each zone's queue is tried every 100 ms (doNoExecuteTaintingPass) through the zone's limiter
 * (eviction-limiter.ts): 0.1 nodes a second by default, so several nodes failing together in one
 * zone are tainted 10 s apart. At each health pass (every 5 s) the zones' states follow their
 * nodes' Ready conditions (zone-state.ts, handleDisruption; a node labelled
 * node.kubernetes.io/exclude-disruption is not counted): a zone partly NotReady is tainted slowly (a
 * large one) or not at all, and when every zone is wholly NotReady no node is tainted and the
 * NoExecute taints come off every node (markNodeAsReachable, "master disruption mode"), until a
 * node somewhere is Ready again. The taint manager (taint-manager.ts) hears each taint change.
 * Modelled, beyond upstream's code paths:
 * - a pass's work is all done before the queues are tried at that instant: the marking, the asks
 *   and the zones' evaluation run as lifecycle work, the tries in the next phase (upstream's 100 ms
 *   loop runs beside the passes; its phase is unknown, the passes fall on its ticks); a queue is
 *   tried again at the first tick its zone's token is back;
 * - zones are evaluated only at the passes after a node's Ready condition changes or a node is added
 *   or removed while any node is NotReady or any zone is disrupted (between them the states cannot
 *   change); a zone's limiter lives while the zone has nodes counted in its state or waiting in its
 *   queue (one that comes back starts full, as addPodEvictorForNewZone makes it); a zone of excluded
 *   nodes only has no state, so master disruption mode does not stop its tainting (its nodes,
 *   untainted with the rest, are tainted again at the next pass);
 * - a queue holds nodes in the order they were asked for (upstream's heap orders them by the instant
 *   of the ask within a pass, in the informer's node order);
 * - a node Ready again leaves its queue at once (upstream: at the next pass, unless tried before);
 *   a deleted node stays queued and spends a token when tried, as upstream ("no longer present");
 * - a node is asked for once a NotReady spell; upstream asks again at every pass, which matters only
 *   after master disruption mode took the taints off: at the next pass every asked node still
 *   NotReady and untainted is queued again, in the order first asked (askAgain); the probe
 *   timestamps reset when the mode ends delay NotReady for a node whose kubelet is down and not
 *   yet marked (probesResetSeconds, read by node-lifecycle.ts).
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { Taint } from '../scenario/pod-template-types.js';
import type { Cluster } from './cluster.js';
import { EvictionLimiter } from './eviction-limiter.js';
import type { SimNode } from './model.js';
import { NODE_NOT_READY_NO_EXECUTE_TAINT, NODE_UNREACHABLE_NO_EXECUTE_TAINT } from './node-health.js';
import { monitorPassAtOrAfterSeconds, NODE_MONITOR_DEFAULTS } from './node-not-ready-time.js';
import { NODE_EVICTION_DEFAULTS, computeZoneState, disruptionStep, zoneEvictionRate, zoneKey, type DisruptionStep, type ZoneState } from './zone-state.js';

const COMPONENT = 'node-lifecycle-controller';
/** isNodeExcludedFromDisruptionChecks: a node with this label is left out of its zone's state. */
const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';

interface Zone {
  state: ZoneState;
  limiter: EvictionLimiter;
  queue: SimNode[];
  /** The instant a try is scheduled for, if any. */
  tryAtSeconds: number | undefined;
}

/** Each zone's Ready and NotReady nodes, counted for handleDisruption. */
type ZoneCounts = Map<string, { ready: number; notReady: number }>;

export class NoExecuteTainter {
  private readonly zones = new Map<string, Zone>();
  /** NotReady nodes asked for, queued or tainted, with their taint, in the order asked (a Map keeps it). */
  private readonly asks = new Map<SimNode, Taint>();
  private passAtSeconds: number | undefined;
  /** When master disruption mode last ended: every node's probe timestamp was set then (node-lifecycle.ts reads it). */
  probesResetSeconds: number | undefined;
  private readonly ticksPerSecond = Math.round(1 / NODE_EVICTION_DEFAULTS.evictionPeriodSeconds);

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
  ) {
    cluster.addListener({
      nodeAdded: () => this.conditionsChanged(),
      nodeRemoved: (node) => {
        this.asks.delete(node);
        this.conditionsChanged();
      },
      nodeReadyChanged: (node) => {
        if (node.ready) this.forget(node);
        this.conditionsChanged();
      },
    });
  }

  /** markNodeForTainting: at a health pass that finds `node` NotReady, queue it for `taint` (once per NotReady spell). */
  request(node: SimNode, taint: Taint): void {
    if (node.removed || node.ready || this.asks.has(node)) return;
    this.asks.set(node, taint);
    const zone = this.zone(zoneKey(node.labels));
    zone.queue.push(node);
    this.scheduleTry(zone, this.sim.nowSeconds);
  }

  private zone(key: string): Zone {
    let zone = this.zones.get(key);
    if (zone === undefined) {
      // addPodEvictorForNewZone: a full bucket at the normal rate.
      zone = { state: 'Initial', limiter: EvictionLimiter.full(NODE_EVICTION_DEFAULTS.evictionRatePerSecond), queue: [], tryAtSeconds: undefined };
      this.zones.set(key, zone);
    }
    return zone;
  }

  /** A try of `zone`'s queue at `atSeconds`, after that instant's lifecycle work; an earlier one scheduled stands. */
  private scheduleTry(zone: Zone, atSeconds: number): void {
    if (zone.tryAtSeconds !== undefined && zone.tryAtSeconds <= atSeconds) return;
    zone.tryAtSeconds = atSeconds;
    this.sim.scheduleAt(atSeconds, Phase.SCHEDULE, COMPONENT, () => {
      if (zone.tryAtSeconds !== atSeconds) return;
      zone.tryAtSeconds = undefined;
      this.tryZone(zone);
    });
  }

  /** RateLimitedTimedQueue.Try: a token per node tried, the node tainted unless it is gone; then a try at the next token's tick. */
  private tryZone(zone: Zone): void {
    const now = this.sim.nowSeconds;
    while (zone.queue.length > 0 && zone.limiter.tryAccept(now)) {
      const node = zone.queue.shift()!;
      const taint = this.asks.get(node);
      if (taint !== undefined && !node.removed && !node.ready) this.cluster.setTaint(node, taint, true);
    }
    const tokenAt = zone.queue.length === 0 ? undefined : zone.limiter.nextTokenSeconds(now);
    if (tokenAt !== undefined) this.scheduleTry(zone, Math.ceil(tokenAt * this.ticksPerSecond - 1e-6) / this.ticksPerSecond);
  }

  /** markNodeAsReachable: the NoExecute condition taints off. */
  private untaint(node: SimNode): void {
    this.cluster.setTaint(node, NODE_UNREACHABLE_NO_EXECUTE_TAINT, false);
    this.cluster.setTaint(node, NODE_NOT_READY_NO_EXECUTE_TAINT, false);
  }

  /** A Ready node: out of its queue, its ask dropped (Cluster.setNodeReady takes the taints off). */
  private forget(node: SimNode): void {
    if (!this.asks.delete(node)) return;
    const zone = this.zones.get(zoneKey(node.labels));
    const at = zone?.queue.indexOf(node) ?? -1;
    if (at >= 0) zone!.queue.splice(at, 1);
  }

  /** The zones' states can change: evaluate them at the next health pass, when anything is or was disrupted. */
  private conditionsChanged(): void {
    const disrupted = [...this.zones.values()].some((z) => z.state !== 'Normal' && z.state !== 'Initial');
    if (!disrupted && this.cluster.nodes.every((n) => n.ready)) return;
    const pass = monitorPassAtOrAfterSeconds(this.sim.nowSeconds);
    if (this.passAtSeconds === pass) return;
    this.passAtSeconds = pass;
    this.sim.scheduleAt(pass, Phase.LIFECYCLE, COMPONENT, () => {
      this.passAtSeconds = undefined;
      const counts = this.countZones();
      // A zone with no counted node is forgotten (one that comes back starts afresh), unless nodes wait in its queue.
      for (const [key, zone] of [...this.zones]) if (!counts.has(key) && zone.queue.length === 0) this.zones.delete(key);
      const current = new Map([...counts].map(([key, c]) => [key, computeZoneState(c.ready, c.notReady).state]));
      const step = disruptionStep(new Map([...this.zones].map(([key, z]) => [key, z.state])), current);
      this.apply(step, current, counts);
    });
  }

  /** Every asked node still NotReady queued again in its zone, in the order first asked, and the queues tried. */
  private askAgain(): void {
    for (const zone of this.zones.values()) zone.queue = [];
    for (const [node, taint] of this.asks) {
      // A node tainted again since (its zone not stopped) stays out, as upstream's set keeps it.
      const tainted = node.taints.some((t) => t.key === taint.key && t.effect === taint.effect);
      if (!node.removed && !node.ready && !tainted) this.zone(zoneKey(node.labels)).queue.push(node);
    }
    for (const zone of this.zones.values()) if (zone.queue.length > 0) this.scheduleTry(zone, this.sim.nowSeconds);
  }

  /** Each zone's nodes by their Ready condition, those excluded from disruption checks left out. */
  private countZones(): ZoneCounts {
    const counts: ZoneCounts = new Map();
    for (const node of this.cluster.nodes) {
      if (node.removed || Object.hasOwn(node.labels, EXCLUDE_DISRUPTION_LABEL)) continue;
      const key = zoneKey(node.labels);
      let c = counts.get(key);
      if (c === undefined) counts.set(key, (c = { ready: 0, notReady: 0 }));
      if (node.ready) c.ready++;
      else c.notReady++;
    }
    return counts;
  }

  /** What handleDisruption does with `step`: the limiters swapped, the taints taken off or the queues refilled. */
  private apply(step: DisruptionStep, current: ReadonlyMap<string, ZoneState>, counts: ZoneCounts): void {
    const now = this.sim.nowSeconds;
    const setRate = (key: string): void => {
      const zone = this.zone(key);
      const c = counts.get(key)!;
      zone.state = current.get(key)!;
      zone.limiter = zone.limiter.swap(zoneEvictionRate(zone.state, c.ready + c.notReady).ratePerSecond, now);
    };
    if (step.kind === 'none') return;
    if (step.kind === 'enterMasterDisruption') {
      for (const node of this.cluster.nodes) if (!node.removed) this.untaint(node);
      for (const key of current.keys()) {
        const zone = this.zone(key);
        zone.limiter = zone.limiter.swap(0, now);
        zone.state = 'FullDisruption';
        zone.queue = [];
      }
      // processTaintBaseEviction asks for every NotReady node again at the next pass, in the order first
      // asked: they wait in their stopped zones until the mode ends, and a zone of excluded nodes only,
      // which has no state and so was not stopped, taints them again then.
      this.sim.scheduleAt(monitorPassAtOrAfterSeconds(now + NODE_MONITOR_DEFAULTS.monitorPeriodSeconds), Phase.LIFECYCLE, COMPONENT, () => this.askAgain());
      return;
    }
    if (step.kind === 'exitMasterDisruption') {
      this.probesResetSeconds = now;
      for (const key of current.keys()) setRate(key);
    } else for (const key of step.changed) setRate(key);
    for (const zone of this.zones.values()) if (zone.queue.length > 0) this.scheduleTry(zone, now);
  }
}
