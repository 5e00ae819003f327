/** Alibaba Cloud autoscaling.alibabacloud.com/v1beta1 ElasticWorkload → ElasticWorkloadSpec. */
import { loadElasticWorkload } from '../elastic-workload.js';
import type { ManifestKindHandler } from '../manifest-set.js';

export const elasticWorkloadKind: ManifestKindHandler = {
  group: 'autoscaling.alibabacloud.com',
  kind: 'ElasticWorkload',
  support: 'modelled',
  versions: ['v1beta1'],
  load: loadElasticWorkload,
};
