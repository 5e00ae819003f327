/** v1 ResourceQuota → ResourceQuotaEntry (hard limits on a namespace's pods: the quota admission in cluster/quota-ledger.ts). */
import type { ManifestKindHandler } from '../manifest-set.js';
import { loadResourceQuota, RESOURCE_QUOTA_FIELDS } from '../resource-quota.js';

export const resourceQuotaKind: ManifestKindHandler = {
  group: '',
  kind: 'ResourceQuota',
  support: 'modelled',
  versions: ['v1'],
  fields: () => RESOURCE_QUOTA_FIELDS,
  load: loadResourceQuota,
};
