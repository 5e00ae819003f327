/**
 * Trace values must be written in decimal. Number() alone reads "0x10" as 16, "0b11" as 3, "" as 0
 * and "Infinity" as a number; a trace value is a plain decimal number or it is refused. The same rule
 * for the csv format's value cells and the prometheus format's samples.
 */

/** A plain decimal number: optional sign, digits with an optional decimal point, optional exponent. */
export const DECIMAL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** "write it in decimal: 16" for "0x10": the hint for a value JavaScript reads but decimal does not. */
export function decimalHint(text: string): string | undefined {
  const trimmed = text.trim();
  const other = Number(trimmed);
  return trimmed !== '' && Number.isFinite(other) ? `write it in decimal: ${other}` : undefined;
}
