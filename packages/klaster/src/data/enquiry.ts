/**
 * A visitor's enquiry about a product: the mailto: address of the "Request a
 * quote" link, in the page's language, to the maker's contact
 * (src/data/contact.ts), and the data the shortlist script needs.
 */
import { mailBody, mailto } from '../lib/buyer/mailto.ts';
import { formatNumber } from '../lib/format.ts';
import { paths } from '../lib/urls.ts';
import { memberContact, type Contact } from './contact.ts';
import type { Site } from './site.ts';
import type { View } from './view.ts';

export interface Enquiry {
  contact: Contact;
  /** The mailto: link, when the maker, its cluster or the site has an e-mail address. */
  href?: string;
  /** What the shortlist script keeps of the product (data-* attributes of its button). */
  item: { id: string; name: string; lang?: string; sku?: string; moq?: string; maker: string; makerLang?: string; email?: string; url: string };
}

export function productEnquiry(model: Site, v: View, productId: string): Enquiry {
  const { t } = v;
  const entry = model.get('products', productId);
  const f = entry.facts;
  const { name, lang } = v.link(entry);
  const { name: maker, lang: makerLang } = v.link(model.get('organisations', f.maker));
  const contact = memberContact(model, f.maker);
  const moq = f.moq ? `${formatNumber(f.moq, v.locale)} ${v.label('orderUnit', f.moqUnit)}` : undefined;
  const url = v.abs(paths.product(v.locale, productId));
  const subject = f.sku ? t('buyer.mailSubjectSku', { product: name, sku: f.sku }) : t('buyer.mailSubject', { product: name });
  const body = mailBody([
    t('buyer.mailGreeting'),
    '',
    t('buyer.mailIntro', { site: t('site.name') }),
    '',
    t('buyer.mailProduct', { product: name }),
    ...(f.sku ? [t('buyer.mailSku', { sku: f.sku })] : []),
    ...(moq ? [t('buyer.mailMoq', { moq })] : []),
    t('buyer.mailPage', { url }),
    '',
    `${t('buyer.mailQuantity')} `,
    '',
    t('buyer.mailClosing'),
    '',
  ]);
  return {
    contact,
    href: contact.email ? mailto(contact.email, subject, body) : undefined,
    item: { id: productId, name, lang, sku: f.sku, moq, maker, makerLang, email: contact.email, url },
  };
}
