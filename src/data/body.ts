/** An entry body's rendered HTML (Markdown), in the form its locale needs. */
import type { TextRecord } from '../lib/model.ts';
import type { CollectionName } from '../lib/content/fields.ts';
import type { Body } from './site.ts';
import { toCommaBelow } from '../lib/romanian.ts';
import { transliterateHtml } from '../lib/transliterate.ts';

/** The rendered HTML of a Markdown body; undefined for MDX (rendered as a component). */
export function bodyHtml(record: TextRecord<CollectionName, Body> | undefined): string | undefined {
  const html = record?.body?.rendered?.html;
  if (html === undefined || !record) return undefined;
  if (record.transliterate) return transliterateHtml(html);
  return record.locale === 'ro' ? toCommaBelow(html) : html;
}
