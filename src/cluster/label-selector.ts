/**
 * metav1.LabelSelector matching (apimachinery pkg/labels selector.go Requirement.Matches, as
 * metav1.LabelSelectorAsSelector builds it): every matchLabels pair must be present with its value;
 * In: the key is present with one of the values; NotIn: the key is absent or its value is none of
 * them; Exists: present; DoesNotExist: absent. An empty selector matches every label set.
 */
import type { LabelSelectorSpec } from '../scenario/types.js';
import { matchesSelector } from './scheduling-filter.js';

export function matchesLabelSelector(selector: LabelSelectorSpec, labels: Readonly<Record<string, string>>): boolean {
  if (!matchesSelector(selector.matchLabels, labels)) return false;
  for (const r of selector.matchExpressions) {
    const value = Object.hasOwn(labels, r.key) ? labels[r.key] : undefined;
    switch (r.operator) {
      case 'In':
        if (value === undefined || !r.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && r.values.includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
    }
  }
  return true;
}

/** A canonical text of the selector: equal for selectors that list the same terms in another order. */
export function labelSelectorKey(selector: LabelSelectorSpec): string {
  const labels = Object.entries(selector.matchLabels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const expressions = selector.matchExpressions.map((r) => [r.key, r.operator, [...r.values].sort()]);
  expressions.sort((a, b) => {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return JSON.stringify([labels, expressions]);
}
