/** Resource amounts written back as Kubernetes quantities for messages: 1500m, 4; 512Mi, 16Gi. */

/** Millicores → "250m", or whole cores "4". */
export function formatCpu(millicores: number): string {
  return millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`;
}

/** Bytes → the largest binary unit that divides them (Ki…Pi), else bytes; large odd values in Gi with 2 decimals. */
export function formatMemory(bytes: number): string {
  const units = ['Pi', 'Ti', 'Gi', 'Mi', 'Ki'] as const;
  for (const [i, unit] of units.entries()) {
    const size = 1024 ** (units.length - i);
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)}Gi` : String(bytes);
}

const BINARY = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;
const DECIMAL = ['k', 'M', 'G', 'T', 'P', 'E'] as const;

/**
 * Bytes as Quantity.String() prints them: the largest binary suffix that divides them (512Mi),
 * else the largest decimal one (500M, 1500M), else plain bytes; never a fraction.
 */
export function formatMemoryQuantity(bytes: number): string {
  for (let i = BINARY.length - 1; i >= 0; i--) if (bytes >= 1024 ** (i + 1) && bytes % 1024 ** (i + 1) === 0) return `${bytes / 1024 ** (i + 1)}${BINARY[i]}`;
  for (let i = DECIMAL.length - 1; i >= 0; i--) if (bytes >= 1000 ** (i + 1) && bytes % 1000 ** (i + 1) === 0) return `${bytes / 1000 ** (i + 1)}${DECIMAL[i]}`;
  return String(bytes);
}
