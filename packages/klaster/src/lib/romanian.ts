/**
 * Romanian is written with comma-below letters (ș, ț). Older keyboards and
 * fonts produce cedilla letters (ş, ţ), which look alike but are different
 * characters to search and sorting. The build converts them.
 */
const CEDILLA_TO_COMMA: Record<string, string> = { ş: 'ș', Ş: 'Ș', ţ: 'ț', Ţ: 'Ț' };

export function toCommaBelow(text: string): string {
  return text.replace(/[şŞţŢ]/g, (ch) => CEDILLA_TO_COMMA[ch]);
}

/** Applies `toCommaBelow` to every string in a value. */
export function deepCommaBelow<T>(value: T): T {
  if (typeof value === 'string') return toCommaBelow(value) as T;
  if (Array.isArray(value)) return value.map(deepCommaBelow) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCommaBelow(v)])) as T;
  }
  return value;
}
