/**
 * A member's contact card as a vCard (.vcf), written by vcard-creator (a
 * maintained library with no dependencies, which escapes every value as RFC
 * 2426 asks). vCard 3.0: what phones' and mail programs' address books read.
 */
import VCard from 'vcard-creator';

export interface CardData {
  /** The organisation's name in the page's language. */
  name: string;
  email?: string;
  phone?: string;
  website?: string;
  /** The member's page on the site. */
  page: string;
  city?: string;
  country?: string;
  /** The day the site is built as of (YYYY-MM-DD): the card's revision, so two builds write the same bytes. */
  revision: string;
}

export function vcard(card: CardData): string {
  const v = new VCard();
  v.addName({}).addFullName(card.name).addCompany({ name: card.name });
  if (card.email) v.addEmail({ address: card.email, type: ['internet', 'work', 'pref'] });
  if (card.phone) v.addPhoneNumber({ number: card.phone, type: ['work', 'voice'] });
  if (card.website) v.addUrl({ url: card.website, type: ['work'] });
  v.addUrl({ url: card.page });
  if (card.city || card.country) v.addAddress({ locality: card.city, country: card.country, type: ['work'] });
  v.addRevision(new Date(`${card.revision}T00:00:00Z`));
  return v.toString();
}
