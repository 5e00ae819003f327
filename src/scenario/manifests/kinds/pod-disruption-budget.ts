/** policy/v1 PodDisruptionBudget → PodDisruptionBudgetSpec (respected by the cluster-autoscaler's drain). */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadPodDisruptionBudget } from '../pod-disruption-budget.js';
import { KNOWN_FIELDS } from '../known-fields.js';

export const podDisruptionBudgetKind: ManifestKindHandler = {
  group: 'policy',
  kind: 'PodDisruptionBudget',
  support: 'modelled',
  versions: ['v1'],
  fields: () => KNOWN_FIELDS.podDisruptionBudget,
  load: loadPodDisruptionBudget,
};
