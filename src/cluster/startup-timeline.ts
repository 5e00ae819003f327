/**
 * How long a pod takes from creation to Ready (fidelity spec §6 "Pod start-up phases"): scheduling,
 * image pull, init containers, container start, then the startup and readiness probes with the
 * kubelet's probe defaults. Pure: the caller passes the random stream used for jitter.
 */
import type { RandomStream } from '../core/rng.js';
import type { VirtualStartup } from '../cloud/types.js';
import type { PodTemplateSpec, ProbeSpec, StartupDelays } from '../scenario/types.js';

export interface StartupTimeline {
  /** Creation → first scheduling attempt. */
  schedulingSeconds: number;
  /** Binding → containers started: image pull, each plain init container, container start. */
  bindToContainerStartSeconds: number;
  /** Containers started → Ready=True. */
  containerStartToReadySeconds: number;
}

/**
 * Ready time after the containers start. The kubelet runs the first probe after
 * initialDelaySeconds and then every periodSeconds; readiness needs successThreshold successes,
 * and readiness probing waits for a startup probe to pass. With no readiness probe the pod is Ready
 * as soon as its containers run.
 */
export function probeReadySeconds(readiness: ProbeSpec | undefined, startup: ProbeSpec | undefined): number {
  const startupPassed = startup ? startup.initialDelaySeconds + (startup.successThreshold - 1) * startup.periodSeconds : 0;
  if (!readiness) return startupPassed;
  const firstProbe = Math.max(readiness.initialDelaySeconds, startupPassed);
  return firstProbe + (readiness.successThreshold - 1) * readiness.periodSeconds;
}

export function planStartup(template: PodTemplateSpec, delays: StartupDelays, random: RandomStream): StartupTimeline {
  const serving = template.containers[0];
  return {
    schedulingSeconds: random.jitter(delays.schedulingSeconds, delays.jitterRatio),
    bindToContainerStartSeconds: planBindToStart(template, undefined, delays, random),
    containerStartToReadySeconds: probeReadySeconds(serving?.readinessProbe, serving?.startupProbe),
  };
}

/**
 * Binding → containers started, on the node the pod was bound to. A kubelet node: image pull, one
 * start per plain init container, container start. A virtual node (ECI/ACI/Fargate, §5.2): sandbox
 * creation, image pull (or the provider's image cache), container start.
 */
export function planBindToStart(template: PodTemplateSpec, virtual: VirtualStartup | undefined, delays: StartupDelays, random: RandomStream): number {
  const j = (v: number): number => random.jitter(v, delays.jitterRatio);
  if (virtual !== undefined) return planVirtualBindToStart(template, virtual, delays, random).bindToContainerStartSeconds;
  const initSeconds = template.initContainerCount * delays.containerStartSeconds;
  return j(delays.imagePullSeconds) + initSeconds + j(delays.containerStartSeconds);
}

/** A virtual pod's bind → containers started, and the sandbox part of it (bind → image pull start, where billing starts). */
export interface VirtualBindToStart {
  sandboxSeconds: number;
  bindToContainerStartSeconds: number;
}

/** planBindToStart on a virtual node, with the sandbox phase apart (the same draws, in the same order). */
export function planVirtualBindToStart(template: PodTemplateSpec, virtual: VirtualStartup, delays: StartupDelays, random: RandomStream): VirtualBindToStart {
  const j = (v: number): number => random.jitter(v, delays.jitterRatio);
  const initSeconds = template.initContainerCount * virtual.containerStartSeconds;
  const pull = virtual.imageCache ? virtual.cachedImagePullSeconds : virtual.imagePullSeconds;
  const sandboxSeconds = j(virtual.sandboxSeconds);
  return { sandboxSeconds, bindToContainerStartSeconds: sandboxSeconds + j(pull) + initSeconds + j(virtual.containerStartSeconds) };
}
