/** Alibaba Cloud autoscaling.alibabacloud.com/v1beta1 ElasticWorkload → ElasticWorkloadSpec. */
import { loadElasticWorkload } from '../elastic-workload.js';
import { KNOWN_FIELDS } from '../known-fields.js';
import type { ManifestKindHandler } from '../manifest-set.js';

export const elasticWorkloadKind: ManifestKindHandler = {
  group: 'autoscaling.alibabacloud.com',
  kind: 'ElasticWorkload',
  support: 'modelled',
  versions: ['v1beta1'],
  fields: () => KNOWN_FIELDS.elasticWorkload,
  load: loadElasticWorkload,
};
