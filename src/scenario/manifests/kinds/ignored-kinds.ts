/**
 * Kubernetes kinds that are valid in a manifest folder but do not affect the simulation: they are
 * skipped with a warning "not modelled; ignored". Any version of the group matches.
 */
import type { ManifestKindHandler } from '../manifest-set.js';

/** [API group ('' = core), kinds]. */
const IGNORED: readonly (readonly [string, readonly string[]])[] = [
  ['', ['Service', 'ServiceAccount', 'Pod', 'PersistentVolumeClaim', 'PersistentVolume', 'Endpoints', 'ReplicationController', 'Event']],
  ['events.k8s.io', ['Event']],
  // kustomization.yaml sits beside the manifests it lists in GitOps folders; kustomize reads it, the API server never sees it.
  ['kustomize.config.k8s.io', ['Kustomization', 'Component']],
  ['apps', ['ReplicaSet', 'ControllerRevision']],
  ['batch', ['Job', 'CronJob']],
  ['networking.k8s.io', ['Ingress', 'IngressClass', 'NetworkPolicy']],
  ['rbac.authorization.k8s.io', ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']],
  ['storage.k8s.io', ['StorageClass']],
  ['discovery.k8s.io', ['EndpointSlice']],
  ['apiextensions.k8s.io', ['CustomResourceDefinition']],
  ['apiregistration.k8s.io', ['APIService']],
  ['admissionregistration.k8s.io', ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']],
  ['monitoring.coreos.com', ['ServiceMonitor', 'PodMonitor', 'PrometheusRule']],
  ['gateway.networking.k8s.io', ['Gateway', 'HTTPRoute', 'GRPCRoute']],
  ['autoscaling.k8s.io', ['VerticalPodAutoscaler']],
  ['cert-manager.io', ['Certificate', 'Issuer', 'ClusterIssuer']],
];

export const ignoredKinds: ManifestKindHandler[] = IGNORED.flatMap(([group, kinds]) =>
  kinds.map(
    (kind): ManifestKindHandler => ({
      group,
      kind,
      support: 'ignored',
      load(ref, apiVersion, _out, sink) {
        sink.warn(ref.warning([], `${apiVersion}/${kind} is not modelled; ignored`));
      },
    }),
  ),
);
