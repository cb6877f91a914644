/**
 * QR codes for the printed catalogue, made when the site is built by the
 * `qrcode` library, as SVG: sharp at any print size, no network, and the
 * same bytes for the same address.
 */
import QRCode from 'qrcode';

/** An SVG QR code of `text`, error correction M (15%), with the four-module quiet zone the standard asks for. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
}

/** The same as a data: address for an <img> (the Content-Security-Policy allows data: images). */
export async function qrDataUri(text: string): Promise<string> {
  return `data:image/svg+xml;base64,${Buffer.from(await qrSvg(text)).toString('base64')}`;
}
