/**
 * The labels every real node carries beside the ones its pool sets, so that manifests written for a
 * real cluster select simulated nodes as they select real ones (`nodeSelector: {kubernetes.io/os:
 * linux}` is in many Helm charts; without these labels such pods would never schedule).
 * - The kubelet's own (pkg/kubelet/kubelet_node_status.go initialNode; k8s.io/api/core/v1
 *   well_known_labels.go): kubernetes.io/os and kubernetes.io/arch (runtime.GOOS/GOARCH: linux,
 *   amd64 here) and, "to ensure backward compatibility", the legacy beta.kubernetes.io/os and
 *   beta.kubernetes.io/arch with the same values; kubernetes.io/hostname is each node's own name
 *   (src/cluster/model.ts newNode). Virtual-kubelet nodes (ECI, Fargate) report linux/amd64 too.
 * - The cloud provider's, for a pool that names its instanceType: node.kubernetes.io/instance-type
 *   and the legacy beta.kubernetes.io/instance-type (cloud-provider node controller).
 * A pool's own labels win: an arm64 pool sets `kubernetes.io/arch: arm64`, and its legacy label follows.
 */

export const OS_LABEL = 'kubernetes.io/os';
export const ARCH_LABEL = 'kubernetes.io/arch';
export const LEGACY_OS_LABEL = 'beta.kubernetes.io/os';
export const LEGACY_ARCH_LABEL = 'beta.kubernetes.io/arch';
export const INSTANCE_TYPE_LABEL = 'node.kubernetes.io/instance-type';
export const LEGACY_INSTANCE_TYPE_LABEL = 'beta.kubernetes.io/instance-type';

/** runtime.GOOS and runtime.GOARCH of the nodes simulated unless a pool's labels say otherwise. */
const DEFAULT_OS = 'linux';
const DEFAULT_ARCH = 'amd64';

export function wellKnownNodeLabels(poolLabels: Readonly<Record<string, string>>, instanceType?: string): Record<string, string> {
  const os = poolLabels[OS_LABEL] ?? DEFAULT_OS;
  const arch = poolLabels[ARCH_LABEL] ?? DEFAULT_ARCH;
  const labels: Record<string, string> = { [OS_LABEL]: os, [ARCH_LABEL]: arch, [LEGACY_OS_LABEL]: os, [LEGACY_ARCH_LABEL]: arch };
  if (instanceType !== undefined) {
    const type = poolLabels[INSTANCE_TYPE_LABEL] ?? instanceType;
    labels[INSTANCE_TYPE_LABEL] = type;
    labels[LEGACY_INSTANCE_TYPE_LABEL] = type;
  }
  return { ...labels, ...poolLabels };
}
