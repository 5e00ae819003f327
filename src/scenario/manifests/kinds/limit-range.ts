/** v1 LimitRange → LimitRangeEntry (default requests and limits, and constraints, for a namespace's pods: limit-ranger.ts). */
import { LIMIT_RANGE_FIELDS, loadLimitRange } from '../limit-range.js';
import type { ManifestKindHandler } from '../manifest-set.js';

export const limitRangeKind: ManifestKindHandler = {
  group: '',
  kind: 'LimitRange',
  support: 'modelled',
  versions: ['v1'],
  fields: () => LIMIT_RANGE_FIELDS,
  load: loadLimitRange,
};
