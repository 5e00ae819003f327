/**
 * An ElasticWorkload unit's pod template (ack-kubernetes-elastic-workload, docs/fidelity-spec.md
 * §5.1): the source's template with the unit's labels, annotations and nodeSelector merged over
 * it and its tolerations added, so that the unit's pods land where the unit says (e.g. ECI).
 */
import type { ElasticUnitSpec, PodTemplateSpec } from '../scenario/types.js';

export function elasticUnitTemplate(source: PodTemplateSpec, unit: ElasticUnitSpec): PodTemplateSpec {
  return {
    ...source,
    labels: { ...source.labels, ...unit.labels },
    annotations: { ...source.annotations, ...unit.annotations },
    nodeSelector: { ...source.nodeSelector, ...unit.nodeSelector },
    tolerations: [...source.tolerations, ...unit.tolerations],
  };
}
