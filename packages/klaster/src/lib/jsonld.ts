/**
 * Structured data (schema.org JSON-LD), typed with schema-dts. Pages pass
 * these objects to the layout, which serialises them so that no content can
 * close the script element.
 */
import type {
  BreadcrumbList,
  Event,
  NewsArticle,
  Organization,
  Product,
  Project,
  WithContext,
} from 'schema-dts';

export interface Crumb {
  name: string;
  url: string;
}

export function breadcrumbList(items: Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

export interface OrganizationInput {
  name: string;
  url: string;
  description: string;
  country: string;
  city?: string;
  website?: string;
  email?: string;
  logo?: string;
  founded?: number;
  memberOf?: { name: string; url: string }[];
}

export function organization(o: OrganizationInput): WithContext<Organization> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: o.name,
    url: o.website ?? o.url,
    mainEntityOfPage: o.url,
    description: o.description,
    address: { '@type': 'PostalAddress', addressCountry: o.country, ...(o.city ? { addressLocality: o.city } : {}) },
    ...(o.email ? { email: o.email } : {}),
    ...(o.logo ? { logo: o.logo } : {}),
    ...(o.founded ? { foundingDate: String(o.founded) } : {}),
    ...(o.memberOf?.length
      ? { memberOf: o.memberOf.map((m) => ({ '@type': 'Organization' as const, name: m.name, url: m.url })) }
      : {}),
  };
}

export interface ProductInput {
  name: string;
  url: string;
  description: string;
  images: string[];
  category: string;
  manufacturer: { name: string; url: string };
  countryOfOrigin: string;
  certifications: { name: string; issuer: string; validUntil: string; licence: string }[];
  sku?: string;
  gtin?: string;
  colours: string[];
  /** schema.org properties of the product attributes (attributeJsonLd): material, size, weight... */
  attributes?: Record<string, unknown>;
}

export function product(p: ProductInput): WithContext<Product> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    url: p.url,
    description: p.description,
    image: p.images,
    category: p.category,
    manufacturer: { '@type': 'Organization', name: p.manufacturer.name, url: p.manufacturer.url },
    countryOfOrigin: { '@type': 'Country', name: p.countryOfOrigin },
    ...(p.certifications.length
      ? {
          hasCertification: p.certifications.map((c) => ({
            '@type': 'Certification' as const,
            name: c.name,
            certificationIdentification: c.licence,
            issuedBy: { '@type': 'Organization' as const, name: c.issuer },
            expires: c.validUntil,
          })),
        }
      : {}),
    ...(p.sku ? { sku: p.sku } : {}),
    ...(p.gtin ? { gtin: p.gtin } : {}),
    ...(p.colours.length ? { color: p.colours.join(', ') } : {}),
    // The product attributes, mapped to schema.org (lib/product-attributes.ts).
    ...(p.attributes ?? {}),
  } as WithContext<Product>;
}

export function newsArticle(n: {
  headline: string;
  url: string;
  description: string;
  datePublished: string;
  image?: string;
  inLanguage: string;
  publisher: string;
}): WithContext<NewsArticle> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: n.headline,
    url: n.url,
    mainEntityOfPage: n.url,
    description: n.description,
    datePublished: n.datePublished,
    inLanguage: n.inLanguage,
    ...(n.image ? { image: [n.image] } : {}),
    publisher: { '@type': 'Organization', name: n.publisher },
  };
}

export function event(e: {
  name: string;
  url: string;
  description: string;
  startDate: string;
  endDate?: string;
  location: { name: string; city: string; country: string };
  organizer?: { name: string; url: string };
  inLanguage: string;
}): WithContext<Event> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.name,
    url: e.url,
    description: e.description,
    startDate: e.startDate,
    ...(e.endDate ? { endDate: e.endDate } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: e.location.name,
      address: { '@type': 'PostalAddress', addressLocality: e.location.city, addressCountry: e.location.country },
    },
    ...(e.organizer ? { organizer: { '@type': 'Organization', name: e.organizer.name, url: e.organizer.url } } : {}),
    inLanguage: e.inLanguage,
  };
}

export function project(p: {
  name: string;
  url: string;
  description: string;
  startDate: string;
  endDate: string;
  funder: string;
}): WithContext<Project> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: p.name,
    url: p.url,
    description: p.description,
    foundingDate: p.startDate,
    dissolutionDate: p.endDate,
    funder: { '@type': 'Organization', name: p.funder },
  };
}
