/**
 * A StatefulSet's ControllerRevision name: <statefulset>-<hash> (controller/history
 * ControllerRevisionName with HashControllerRevision: FNV-32a over the revision's data, printed in
 * decimal and mapped onto rand.SafeEncodeString's alphabet). The simulated template has no such
 * data, so the stand-in hashes the namespace, name and revision number, as the ReplicaSet names do
 * (deployment/replica-set-name.ts): upstream-looking names, the same on every run. Pure.
 */
import { safeEncode } from '../deployment/replica-set-name.js';
import { fnv1a32 } from '../replica-set-order.js';

/** The name of revision `revision` (1 = the manifest's template) of a StatefulSet. */
export function controllerRevisionName(namespace: string, statefulSet: string, revision: number): string {
  return `${statefulSet}-${safeEncode(String(fnv1a32(`${namespace}/statefulset/${statefulSet}/${revision}`)))}`;
}
