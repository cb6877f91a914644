// The content collections of a Klaster site (README.md describes them).
export { collections } from 'klaster/content';
