// @ts-check
import { defineKlasterConfig } from 'klaster';

export default defineKlasterConfig();
