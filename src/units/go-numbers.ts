/**
 * Go's strconv number syntax, for values KEDA parses with it. parseGoInt: strconv.ParseInt(s, 10,
 * bits): an optional sign and decimal digits, nothing around them, within the bit size.
 * parseGoFloat: strconv.ParseFloat(s, 64) (strconv/atof.go): no surrounding space; an optional sign;
 * "Inf", "Infinity" and "NaN" in any case; a decimal mantissa with an optional exponent; or a
 * hexadecimal mantissa ("0x1.8") whose binary exponent ("p-1") is required. Underscores may
 * separate digits (underscoreOK: only between digits, or after a base prefix). Returns the value,
 * or undefined where ParseFloat fails (a syntax error; ±Inf for a value out of range is returned,
 * as ParseFloat returns it with ErrRange, which callers that check `err == nil` also refuse).
 */

const DECIMAL_INT = /^[+-]?\d+$/;

/** strconv.ParseInt(text, 10, bits) when it returns no error (bits 32 or 64); undefined otherwise. */
export function parseGoInt(text: string, bits: 32 | 64 = 64): number | undefined {
  if (!DECIMAL_INT.test(text)) return undefined;
  const value = Number(text);
  const limit = 2 ** (bits - 1);
  return value >= -limit && value < limit ? value : undefined;
}

const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
const DECIMAL = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?$/;
const HEX = /^([+-]?)0[xX]((?:[\da-fA-F_]*)(?:\.[\da-fA-F_]*)?)[pP]([+-]?\d[\d_]*)$/;

/** underscoreOK: each underscore between two digits, or between a base prefix and a digit. */
function underscoresOk(text: string): boolean {
  if (!text.includes('_')) return true;
  const body = text.replace(/^[+-]/, '');
  const hex = /^0[xX]/.test(body);
  let saw: 'start' | 'digit' | 'underscore' | 'other' = hex ? 'digit' : 'start';
  for (let i = hex ? 2 : 0; i < body.length; i++) {
    const c = body[i]!;
    if (/\d/.test(c) || (hex && /[a-fA-F]/.test(c))) saw = 'digit';
    else if (c === '_') {
      if (saw !== 'digit') return false;
      saw = 'underscore';
    } else {
      if (saw === 'underscore') return false;
      saw = 'other';
    }
  }
  return saw !== 'underscore';
}

/** strconv.ParseFloat(text, 64) when it returns no error; undefined otherwise (see the file header). */
export function parseGoFloat(text: string): number | undefined {
  const special = SPECIAL.exec(text);
  if (special !== null) return special[2]!.toLowerCase() === 'nan' ? Number.NaN : special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (!underscoresOk(text)) return undefined;
  const plain = text.replaceAll('_', '');
  if (DECIMAL.test(text)) {
    const value = Number(plain);
    return Number.isFinite(value) ? value : undefined;
  }
  const hex = HEX.exec(plain);
  if (hex === null) return undefined;
  const [whole = '', fraction = ''] = hex[2]!.split('.');
  if (whole === '' && fraction === '') return undefined;
  const mantissa = Number.parseInt(`${whole}${fraction}` || '0', 16);
  const value = mantissa * 2 ** (Number(hex[3]) - 4 * fraction.length);
  if (!Number.isFinite(value)) return undefined;
  return hex[1] === '-' ? -value : value;
}

/** Go math.Round: half away from zero (JS Math.round rounds half toward +∞). */
export function goRound(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
