/**
 * mailto: addresses (RFC 6068). No maintained library writes them: the rules
 * are short, so they are here. Header values are percent-encoded with
 * encodeURIComponent (UTF-8, as RFC 6068 section 2 asks), line breaks in a
 * body are CRLF (%0D%0A), and the address keeps its "@".
 */

/** One address, percent-encoded except for the "@" between its parts. */
function encodeAddress(address: string): string {
  return encodeURIComponent(address.trim()).replace(/%40/g, '@');
}

/** Lines joined with CRLF, as RFC 6068 section 5 asks of a body. */
export function mailBody(lines: readonly string[]): string {
  return lines.join('\r\n');
}

/** A mailto: link to `to` with a subject and a body (whose line breaks, LF or CRLF, become %0D%0A). */
export function mailto(to: string, subject: string, body: string): string {
  const value = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeAddress(to)}?subject=${value(subject)}&body=${value(body)}`;
}

/** A tel: link (RFC 3966): the digits and a leading +, without spaces, dots or brackets. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}
