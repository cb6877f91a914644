/** A small YAML writer for the corpus: block style, as editors write it. */

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} ,.()'’\-/+:@]*$/u;
const LOOKS_TYPED = /^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i;

/** A scalar: plain when YAML reads it back as the same string, else quoted. */
export function scalar(value) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof RawYaml) return value.text;
  const text = String(value);
  if (PLAIN.test(text) && !LOOKS_TYPED.test(text) && !/:(?: |$)/.test(text) && !text.endsWith(' ')) return text;
  return JSON.stringify(text);
}

/** A value written as is: dates (2024-03-01) that must stay unquoted. */
export class RawYaml {
  constructor(text) {
    this.text = text;
  }
}
export const raw = (text) => new RawYaml(text);

const isMap = (v) => v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawYaml);

/** A map or list, one field per line, nested by two spaces. */
export function toYaml(value, indent = '') {
  const lines = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isMap(item)) {
        const inner = toYaml(item, `${indent}  `).split('\n').filter(Boolean);
        lines.push(`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1));
      } else lines.push(`${indent}- ${scalar(item)}`);
    }
  } else {
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const k = /^[A-Za-z0-9_.-]+$/.test(key) ? key : JSON.stringify(key);
      if (Array.isArray(v)) {
        if (v.length === 0) lines.push(`${indent}${k}: []`);
        else if (v.every((x) => !isMap(x)) && v.join('').length < 60) lines.push(`${indent}${k}: [${v.map(scalar).join(', ')}]`);
        else lines.push(`${indent}${k}:`, toYaml(v, `${indent}  `).replace(/\n$/, ''));
      } else if (isMap(v)) {
        lines.push(`${indent}${k}:`, toYaml(v, `${indent}  `).replace(/\n$/, ''));
      } else lines.push(`${indent}${k}: ${scalar(v)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A text file: frontmatter between --- lines, then the Markdown body. */
export function textFile(data, body) {
  return `---\n${toYaml(data)}---\n${body ? `\n${body}` : ''}`;
}
