/** A count with its noun in English number agreement: `1 node`, `2 nodes`, `0 nodes`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
