// @ts-check
// Klaster sets up Astro for the site; the site's settings are in site.yaml.
import { defineKlasterConfig } from 'klaster';

export default defineKlasterConfig();
