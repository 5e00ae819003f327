/** KEDA (keda.sh) kinds: recognised, not supported yet. */
import { unsupportedKind } from './unsupported-kind.js';

const NOTE = 'KEDA support is planned; meanwhile express the scaling as an autoscaling/v2 HorizontalPodAutoscaler with an External metric and spec.series';

export const kedaKinds = ['ScaledObject', 'ScaledJob', 'TriggerAuthentication', 'ClusterTriggerAuthentication'].map((kind) =>
  unsupportedKind('keda.sh', kind, NOTE),
);
