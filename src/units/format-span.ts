/**
 * A span of simulated time as people write it: 2400 → "40m", 10800 → "3h", 5430 → "1h30m30s",
 * 0 → "0s". Whole seconds unless `secondsDigits` keeps decimals of the last part (1.5 → "1.5s").
 */
export function formatSpan(seconds: number, secondsDigits = 0): string {
  const scale = 10 ** secondsDigits;
  const total = Math.round(seconds * scale) / scale;
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * scale) / scale;
  const text = `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return text === '' ? '0s' : text;
}
