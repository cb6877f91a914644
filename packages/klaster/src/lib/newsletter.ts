/**
 * The monthly newsletter: a month's news, with the editor's introduction
 * where there is one, as a web page and as a self-contained e-mail (inline
 * styles, tables for layout, absolute addresses) that a mail tool can send
 * as it is.
 */

import { escapeHtml } from './escape.ts';

/** `2012-03-15` → `2012-03`. */
export const monthOf = (date: string) => date.slice(0, 7);

/** The months that have news or an introduction, newest first. */
export function newsletterMonths(newsDates: string[], intros: string[]): string[] {
  return [...new Set([...newsDates.map(monthOf), ...intros])].sort().reverse();
}

export interface EmailItem {
  title: string;
  summary: string;
  date: string;
  url: string;
  image?: string;
  imageAlt?: string;
}

export interface EmailInput {
  lang: string;
  siteName: string;
  title: string;
  introHtml?: string;
  items: EmailItem[];
  webUrl: string;
  webLabel: string;
  readMore: string;
  footer: string;
  /** The provider's unsubscribe link: its merge tag, which the mailer replaces per subscriber. */
  unsubscribe?: { url: string; label: string };
  /** The funding acknowledgements of the issue's projects (EU emblem and statement). */
  funding?: EmailFunding[];
}

export interface EmailFunding {
  /** The EU emblem as a PNG at an absolute address, when the programme shows it. */
  emblem?: { src: string; alt: string };
  statement: string;
  /** The programme's name and fund. */
  name: string;
  disclaimer: string;
}

/** The acknowledgement rows: the emblem (60 px high, as on the site) beside the statement. */
function fundingRows(funding: EmailFunding[]): string {
  return funding
    .map(
      (f) => `<tr><td style="padding: 16px 24px; border-top: 1px solid #d5dae0;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
${f.emblem ? `<td valign="top" style="padding: 0 16px 0 0;"><img src="${escapeHtml(f.emblem.src)}" alt="${escapeHtml(f.emblem.alt)}" width="90" height="60" style="display: block; border: 0;"></td>` : ''}
<td valign="top" style="${FONT} font-size: 13px; line-height: 1.5; color: #1b1f24;"><p style="margin: 0 0 4px; font-weight: bold;">${escapeHtml(f.statement)}</p>
<p style="margin: 0 0 4px;">${escapeHtml(f.name)}</p>
<p style="margin: 0; font-size: 12px; color: #535b66;">${escapeHtml(f.disclaimer)}</p></td>
</tr></table>
</td></tr>`,
    )
    .join('\n');
}

const FONT = "font-family: Arial, 'Helvetica Neue', Helvetica, sans-serif;";

/** The e-mail version. Every piece of content is escaped; the introduction is already rendered HTML. */
export function newsletterEmail(n: EmailInput): string {
  const items = n.items
    .map(
      (i) => `<tr><td style="padding: 16px 24px; border-top: 1px solid #d5dae0;">
${i.image ? `<img src="${escapeHtml(i.image)}" alt="${escapeHtml(i.imageAlt ?? '')}" width="552" style="display: block; width: 100%; max-width: 552px; height: auto; border: 0; margin-bottom: 12px;">` : ''}
<p style="margin: 0 0 4px; ${FONT} font-size: 13px; color: #535b66;">${escapeHtml(i.date)}</p>
<h2 style="margin: 0 0 8px; ${FONT} font-size: 20px; line-height: 1.3; color: #1b1f24;"><a href="${escapeHtml(i.url)}" style="color: #0b5394; text-decoration: none;">${escapeHtml(i.title)}</a></h2>
<p style="margin: 0 0 8px; ${FONT} font-size: 15px; line-height: 1.5; color: #1b1f24;">${escapeHtml(i.summary)}</p>
<p style="margin: 0; ${FONT} font-size: 15px;"><a href="${escapeHtml(i.url)}" style="color: #0b5394;">${escapeHtml(n.readMore)}</a></p>
</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(n.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(n.title)}</title>
</head>
<body style="margin: 0; padding: 0; background: #f3f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background: #f3f5f7;">
<tr><td align="center" style="padding: 24px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width: 100%; max-width: 600px; background: #ffffff;">
<tr><td style="padding: 16px 24px; background: #0b5394;"><p style="margin: 0; ${FONT} font-size: 18px; font-weight: bold; color: #ffffff;">${escapeHtml(n.siteName)}</p></td></tr>
<tr><td style="padding: 24px 24px 8px;"><h1 style="margin: 0; ${FONT} font-size: 26px; line-height: 1.25; color: #1b1f24;">${escapeHtml(n.title)}</h1>
<p style="margin: 8px 0 0; ${FONT} font-size: 13px;"><a href="${escapeHtml(n.webUrl)}" style="color: #0b5394;">${escapeHtml(n.webLabel)}</a></p></td></tr>
${n.introHtml ? `<tr><td style="padding: 8px 24px 16px; ${FONT} font-size: 15px; line-height: 1.5; color: #1b1f24;">${n.introHtml}</td></tr>` : ''}
${items}
${fundingRows(n.funding ?? [])}
<tr><td style="padding: 16px 24px; background: #f3f5f7; ${FONT} font-size: 12px; color: #535b66;">${escapeHtml(n.footer)}${n.unsubscribe ? ` <a href="${escapeHtml(n.unsubscribe.url)}" style="color: #0b5394;">${escapeHtml(n.unsubscribe.label)}</a>` : ''}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
