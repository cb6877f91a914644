/** An entry body's rendered HTML, in the form its locale needs. */
import type { TextRecord } from '../lib/model.ts';
import type { CollectionName } from '../lib/content/fields.ts';
import type { Body } from './site.ts';
import { toCommaBelow } from '../lib/romanian.ts';
import { usesCommaBelow } from '../lib/locales.ts';
import { bulgarianToLatin, serbianLatin, transliterateHtml } from '../lib/transliterate.ts';

/**
 * What a body's rendered HTML needs before it is shown: Latin for a
 * transliterated body (Serbian keeping the text's `keepAsWritten` phrases,
 * or a Bulgarian body on a Serbian Latin page), comma-below
 * letters for Romanian; undefined when it is shown as rendered.
 */
export function bodyForm(record: TextRecord<CollectionName, Body> | undefined): ((html: string) => string) | undefined {
  if (!record) return undefined;
  if (record.transliterate === 'bulgarian') return (html) => transliterateHtml(html, bulgarianToLatin);
  if (record.transliterate) return serbianLatin(record.keepAsWritten).html;
  return usesCommaBelow(record.locale) ? toCommaBelow : undefined;
}

/** The rendered HTML of a Markdown body; undefined for MDX (rendered as a component, see BodyForm.astro). */
export function bodyHtml(record: TextRecord<CollectionName, Body> | undefined): string | undefined {
  const html = record?.body?.rendered?.html;
  if (html === undefined || !record) return undefined;
  return bodyForm(record)?.(html) ?? html;
}
