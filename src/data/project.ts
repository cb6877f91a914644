/** getStaticPaths and shared data of project microsite sections. */
import { entryPaths } from './paths.ts';

export const projectPaths = () => entryPaths('projects');
