/** scheduling.k8s.io/v1 PriorityClass → PriorityClassSpec (pod priority, queue order and preemption). */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadPriorityClass, PRIORITY_CLASS_FIELDS } from '../priority-class.js';

export const priorityClassKind: ManifestKindHandler = {
  group: 'scheduling.k8s.io',
  kind: 'PriorityClass',
  support: 'modelled',
  versions: ['v1'],
  fields: () => PRIORITY_CLASS_FIELDS,
  load: loadPriorityClass,
};
