/**
 * A ReplicaSet's name: <deployment>-<pod-template-hash>. Upstream's hash (controller.ComputeHash)
 * is FNV-32a over the pod template as the spew library prints it, written in decimal and mapped
 * byte by byte onto k8s.io/apimachinery rand.SafeEncodeString's alphabet (no vowels, no 0/1/3).
 * The simulated template has no such printout, so the stand-in hashes the namespace, name and
 * revision: the names look as upstream's and are the same on every run. Pure.
 */

import { fnv1a32 } from '../replica-set-order.js';

/** rand.SafeEncodeString's alphabet. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** SafeEncodeString: each character's code modulo the alphabet's length. */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += ALPHANUMS[text.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** The name of revision `revision` (1 = the manifest's template) of a Deployment's ReplicaSets. */
export function replicaSetName(namespace: string, deployment: string, revision: number): string {
  return `${deployment}-${safeEncode(String(fnv1a32(`${namespace}/${deployment}/${revision}`)))}`;
}
