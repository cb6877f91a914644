// klaster check: validates the site configuration and the content folder without building the site.
// The build runs it with --build, and then says that nothing was built.
import { runCheck } from '../lib/content/cli.ts';
import { writeCheckReport } from '../astro-internals/guard.ts';
import { buildDate } from '../lib/build-date.ts';
import { isScheduled } from '../lib/model.ts';

const result = runCheck(undefined, undefined, { building: process.argv.includes('--build') });
// `klaster build` asks for what was counted, to compare with the pages Astro writes.
// News scheduled for a later day has no page yet, so it is not counted.
const report = process.env.KLASTER_CHECK_REPORT;
if (result && report) {
  const today = buildDate();
  const ids = Object.fromEntries(
    Object.entries(result.content).map(([name, entries]) => [
      name,
      [...entries.values()].filter((e) => !(name === 'news' && isScheduled(e.facts as { date: string }, today))).map((e) => e.id),
    ]),
  );
  writeCheckReport(report, { ids, images: result.images });
}
process.exit(result ? 0 : 1);
