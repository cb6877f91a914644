/**
 * Where a visitor's enquiry about a member's products goes: the member's own
 * e-mail and phone, else its first cluster's, else the site's (site.yaml
 * footer). `klaster check` warns about makers without an e-mail of their own.
 */
import { siteConfig } from './config.ts';
import type { Site } from './site.ts';

export interface Contact {
  email?: string;
  phone?: string;
  /** The e-mail is the cluster's or the site's, not the member's own. */
  forwarded: boolean;
}

export function memberContact(model: Site, organisationId: string): Contact {
  const f = model.get('organisations', organisationId).facts;
  if (f.email) return { email: f.email, phone: f.phone, forwarded: false };
  const cluster = f.clusters.map((c) => model.get('clusters', c).facts).find((c) => c.email);
  const email = cluster?.email ?? siteConfig.footer.email;
  return { email, phone: f.phone ?? cluster?.phone ?? siteConfig.footer.phone, forwarded: email !== undefined };
}
