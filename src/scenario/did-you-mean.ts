/**
 * "Did you mean …?" suggestions for misspelt field names, kinds and references: the known name with
 * the smallest edit distance, when it is close enough to be a plausible typo.
 */

/** The closest candidate to `input` (case-insensitive Levenshtein), or undefined when none is close. */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(needle.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** A hint naming the closest candidate, else listing them all (up to `maxListed`). */
export function suggestionHint(input: string, candidates: readonly string[], what: string, maxListed = 12): string | undefined {
  const match = closestMatch(input, candidates);
  if (match !== undefined) return `did you mean "${match}"?`;
  if (candidates.length === 0) return undefined;
  const listed = candidates.slice(0, maxListed).join(', ');
  return `known ${what}: ${listed}${candidates.length > maxListed ? ', …' : ''}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
