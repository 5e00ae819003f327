/**
 * Keys of ScalerDefinition.requiredAuthParams: one key, or alternatives joined by `|` when KEDA
 * needs any one of them (nats-jetstream's `account|accountID`: "no account name or id given").
 */

/** The keys an entry names: `account|accountID` → account, accountID. */
export function requiredAlternatives(entry: string): string[] {
  return entry.split('|');
}
