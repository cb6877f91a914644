/**
 * /<locale>/members/<id>.vcf: a member's contact card (vCard), with its name
 * in that locale, to save in an address book. Linked from the member's page
 * and from its products' pages. The e-mail and phone are the ones enquiries
 * go to (src/data/contact.ts).
 */
import type { APIRoute } from 'astro';
import { entryPaths } from '../../../data/paths.ts';
import { site } from '../../../data/site.ts';
import { view } from '../../../data/view.ts';
import { memberContact } from '../../../data/contact.ts';
import { vcard } from '../../../lib/buyer/vcard.ts';
import { buildDate } from '../../../lib/build-date.ts';
import { countryName } from '../../../lib/format.ts';
import { paths } from '../../../lib/urls.ts';
import type { Locale } from '../../../lib/locales.ts';

export const getStaticPaths = () => entryPaths('organisations');

export const GET: APIRoute = async ({ props, site: origin }) => {
  const { locale, id } = props as { locale: Locale; id: string };
  const model = await site();
  const v = view(locale, import.meta.env.BASE_URL, origin!);
  const entry = model.get('organisations', id);
  const text = v.loc(entry).text;
  const contact = memberContact(model, id);
  const card = vcard({
    name: v.link(entry).name,
    email: contact.email,
    phone: contact.phone,
    website: entry.facts.website,
    page: v.abs(paths.member(locale, id)),
    city: text.city,
    country: countryName(entry.facts.country, locale),
    revision: buildDate(),
  });
  return new Response(card, { headers: { 'content-type': 'text/vcard; charset=utf-8' } });
};
