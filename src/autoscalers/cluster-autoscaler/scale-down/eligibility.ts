/**
 * Scale-down candidates (core/scaledown/eligibility/eligibility.go
 * unremovableReasonAndNodeUtilization): nodes being deleted, nodes with the scale-down-disabled
 * annotation, nodes of no node group, unready nodes when --scale-down-unready-enabled is false, and
 * nodes not strictly below the utilization threshold are not candidates.
 */
import { SCALE_DOWN_DISABLED_ANNOTATION } from '../config.js';
import type { CaNode, CaNodeGroup } from '../types.js';
import { caNodeUtilization, isUnderutilized, type NodeUtilization } from './utilization.js';

export type IneligibleReason = 'CurrentlyBeingDeleted' | 'ScaleDownDisabledAnnotation' | 'NotAutoscaled' | 'ScaleDownUnreadyDisabled' | 'NotUnderutilized';

export interface EligibilityOptions {
  /** --scale-down-utilization-threshold */
  utilizationThresholdRatio: number;
  ignoreDaemonSetsUtilization: boolean;
  ignoreMirrorPodsUtilization?: boolean;
  /** --scale-down-unready-enabled (default true): false makes an unready node ScaleDownUnreadyDisabled. */
  scaleDownUnreadyEnabled?: boolean;
  nowSeconds: number;
}

export interface EligibilityResult {
  eligible: boolean;
  reason: IneligibleReason | 'Underutilized';
  /** Set once the checks got as far as computing it. */
  utilization: NodeUtilization | undefined;
}

/** HasNoScaleDownAnnotation: the node's scale-down-disabled annotation is "true". */
export function hasScaleDownDisabledAnnotation(node: CaNode): boolean {
  return node.annotations?.[SCALE_DOWN_DISABLED_ANNOTATION] === 'true';
}

/** Whether `node` (of `group`, undefined when it has none) is a scale-down candidate, and why not. */
export function checkScaleDownEligibility(node: CaNode, group: CaNodeGroup | undefined, options: EligibilityOptions): EligibilityResult {
  if (node.beingDeleted === true) return { eligible: false, reason: 'CurrentlyBeingDeleted', utilization: undefined };
  if (hasScaleDownDisabledAnnotation(node)) return { eligible: false, reason: 'ScaleDownDisabledAnnotation', utilization: undefined };
  if (group === undefined) return { eligible: false, reason: 'NotAutoscaled', utilization: undefined };
  const utilization = caNodeUtilization(node, options);
  // After the utilization, before the threshold, as upstream orders the checks.
  if (options.scaleDownUnreadyEnabled === false && !node.ready) return { eligible: false, reason: 'ScaleDownUnreadyDisabled', utilization: undefined };
  if (!isUnderutilized(utilization.utilizationRatio, options.utilizationThresholdRatio)) {
    return { eligible: false, reason: 'NotUnderutilized', utilization };
  }
  return { eligible: true, reason: 'Underutilized', utilization };
}
