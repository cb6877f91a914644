/** The site model of a content folder, as the build makes it, for tests that need the expected texts. */
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { collectionNames } from '../../packages/klaster/src/lib/content/fields.ts';
import { buildModel, type ModelInput, type SiteModel } from '../../packages/klaster/src/lib/model.ts';

export function modelOf(root: string, today = '2026-11-21'): SiteModel<string> {
  const result = checkContent(root, { today });
  if (result.errors.length) throw new Error(`${root} has content problems: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const input = { facts: {}, texts: {} } as ModelInput<string>;
  for (const c of collectionNames) {
    const entries = [...result.content[c].values()];
    (input.facts as Record<string, unknown>)[c] = entries.map((e) => ({ id: e.id, data: e.facts }));
    (input.texts as Record<string, unknown>)[c] = entries.flatMap((e) =>
      Object.entries(e.texts).map(([locale, t]) => ({ id: e.id, locale, data: t!.data, body: t!.body, hasBody: t!.body.trim().length > 0 })),
    );
  }
  return buildModel(input, { today });
}
