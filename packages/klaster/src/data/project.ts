/** getStaticPaths and shared data of project microsite sections. */
import { entryPaths } from './paths.ts';
import { img, type View } from './view.ts';
import type { Body, Site } from './site.ts';
import type { Entry } from '../lib/model.ts';
import { countryName } from '../lib/format.ts';

export const projectPaths = () => entryPaths('projects');

/** A project's partners in a locale: link, role, place and logo. */
export function projectPartners(model: Site, v: View, project: Entry<'projects', Body>) {
  return project.facts.partners.map((p) => {
    const target = p.cluster ? model.get('clusters', p.cluster) : model.get('organisations', p.organisation!);
    const l = v.link(target);
    return {
      ...l,
      role: v.label('partnerRole', p.role),
      country: countryName(target.facts.country, v.locale),
      city: (l.loc.text as { city: string }).city,
      logo: target.facts.logo ? img(target.facts.logo).src : undefined,
      logoAlt: (l.loc.text as { logoAlt?: string }).logoAlt ?? '',
      coordinates: target.facts.coordinates,
    };
  });
}

/** The partners that have coordinates, as places on a map. */
export function partnerPlaces(partners: ReturnType<typeof projectPartners>) {
  return partners
    .filter((p) => p.coordinates)
    .map((p) => ({
      id: p.href,
      lat: p.coordinates!.lat,
      lon: p.coordinates!.lon,
      name: p.name,
      href: p.href,
      lang: p.lang,
      dir: p.dir,
      meta: `${p.role} · ${p.city}`,
      town: p.city,
    }));
}
