/** Alibaba Cloud ElasticWorkload (autoscaling.alibabacloud.com): recognised, not supported yet. */
import { unsupportedKind } from './unsupported-kind.js';

export const elasticWorkloadKind = unsupportedKind(
  'autoscaling.alibabacloud.com',
  'ElasticWorkload',
  'virtual burst nodes (ElasticWorkload / ECI) are planned; remove this manifest to simulate the plain Deployment',
);
