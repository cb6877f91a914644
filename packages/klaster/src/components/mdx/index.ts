/**
 * The components an MDX text can use without importing them, each given the
 * context of the text it stands in (see context.ts). Body.astro passes them
 * to the rendered MDX.
 */
import { jsx } from 'astro/jsx-runtime';
import type { MdxComponentName } from '../../lib/mdx-components.ts';
import { mdxContext } from './context.ts';
import type { TextRecord } from '../../lib/model.ts';
import type { CollectionName } from '../../lib/content/fields.ts';
import type { Locale } from '../../lib/locales.ts';
import type { Body } from '../../data/site.ts';
import PartnerList from './PartnerList.astro';
import Timeline from './Timeline.astro';
import Figure from './Figure.astro';
import IndicatorBars from './IndicatorBars.astro';
import FundingNotice from './FundingNotice.astro';
import MapComponent from './Map.astro';
import Image from './Image.astro';

const components = { PartnerList, Timeline, Figure, IndicatorBars, FundingNotice, Map: MapComponent } satisfies Record<MdxComponentName, unknown>;

/** The components for the MDX body of `record`, shown on a page in `pageLocale`. */
export function mdxComponents(record: TextRecord<CollectionName, Body>, pageLocale: string) {
  const context = mdxContext(record, pageLocale as Locale);
  const bind = (component: unknown) => (props: Record<string, unknown>) => jsx(component, { ...props, context });
  return {
    ...Object.fromEntries(Object.entries(components).map(([name, component]) => [name, bind(component)])),
    // Markdown images: `![description](./photo.jpg)` becomes a responsive picture.
    img: bind(Image),
  };
}
