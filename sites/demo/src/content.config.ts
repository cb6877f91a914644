// The content collections of a Klaster site (see the editors' guide).
export { collections } from 'klaster/content';
