/** How the benchmarks print a figure: grouped thousands, a fixed number of decimals (`1,234.500`). */
export function figure(v: number, digits: number): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
