/**
 * Pagefind's filter tables in one order, so that the same pages give the
 * same search index, byte for byte (Pagefind/pagefind#638).
 *
 * Pagefind 1.5.2 (pagefind/src/index/mod.rs, build_indexes) collects each
 * filter's values in a hash map with a random seed and writes them in that
 * map's order: each `filter/<lang>_<hash>.pf_filter` lists its values in a
 * different order on every run, so its bytes and its name (a hash of them)
 * change; the filters of `pagefind.<lang>_<hash>.pf_meta` come from another
 * such map, so the meta file and its name change too, and with it the
 * language's hash in `pagefind-entry.json`. Everything else it writes (the
 * word index, the fragments) is already in a fixed order.
 *
 * After Pagefind has written a language, this rewrites those files as
 * Pagefind would if its maps were sorted (the values of a filter by value,
 * the filters by name, as a BTreeMap orders them, which is what the TODO in
 * that function asks for): the same data, in the same format (gzip of
 * "pagefind_dcd" and CBOR), named by the same hash of the new bytes. The
 * search reads filters by name and values by value, so their order means
 * nothing to it. Each file is decoded and encoded again before anything is
 * changed, and must come out as it was: a Pagefind whose format differs
 * stops the build here instead of publishing an index it cannot read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = Buffer.from('pagefind_dcd');

/** What the CBOR of Pagefind's index holds: unsigned and negative integers, text, and lists. */
export type Cbor = number | string | Cbor[];

/** Decodes the subset of CBOR (RFC 8949) that minicbor writes for Pagefind's structs. */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info - 24;
    if (size === 0) return view.getUint8(at++);
    if (size === 1) return ((at += 2), view.getUint16(at - 2));
    if (size === 2) return ((at += 4), view.getUint32(at - 4));
    if (size === 3) {
      const big = view.getBigUint64(at);
      at += 8;
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('a number too large');
      return Number(big);
    }
    throw new Error(`an indefinite or reserved length (${info})`);
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Error('the data ends early');
    const head = bytes[at++];
    const major = head >> 5;
    const n = length(head & 31);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 3: {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + n));
        at += n;
        return text;
      }
      case 4:
        return Array.from({ length: n }, item);
      default:
        throw new Error(`CBOR of major type ${major}, which Pagefind's index does not use`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error('data after the end');
  return value;
}

/** Encodes as minicbor does: definite lengths, each in the fewest bytes. */
export function encodeCbor(value: Cbor): Buffer {
  const out: Buffer[] = [];
  const head = (major: number, n: number) => {
    if (n < 24) out.push(Buffer.from([(major << 5) | n]));
    else if (n < 0x100) out.push(Buffer.from([(major << 5) | 24, n]));
    else if (n < 0x10000) {
      const b = Buffer.alloc(3);
      b[0] = (major << 5) | 25;
      b.writeUInt16BE(n, 1);
      out.push(b);
    } else if (n < 0x100000000) {
      const b = Buffer.alloc(5);
      b[0] = (major << 5) | 26;
      b.writeUInt32BE(n, 1);
      out.push(b);
    } else {
      const b = Buffer.alloc(9);
      b[0] = (major << 5) | 27;
      b.writeBigUInt64BE(BigInt(n), 1);
      out.push(b);
    }
  };
  const item = (v: Cbor) => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error(`not an integer: ${v}`);
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === 'string') {
      const text = Buffer.from(v, 'utf8');
      head(3, text.length);
      out.push(text);
    } else {
      head(4, v.length);
      v.forEach(item);
    }
  };
  item(value);
  return Buffer.concat(out);
}

/** Pagefind's full_hash (pagefind/src/utils.rs): SHA-1, each byte in hex without its leading zero. */
export function pagefindHash(bytes: Uint8Array): string {
  return [...createHash('sha1').update(bytes).digest()].map((b) => b.toString(16)).join('');
}

/** Reads one of Pagefind's compressed files: its CBOR, checked to encode back to the same bytes. */
function readIndexFile(path: string): Cbor {
  const raw = gunzipSync(readFileSync(path));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${path} does not start with Pagefind's signature`);
  const cbor = raw.subarray(SIGNATURE.length);
  const value = decodeCbor(cbor);
  if (!encodeCbor(value).equals(cbor)) throw new Error(`${path} is not in the format this Klaster reads (Pagefind's index format changed?)`);
  return value;
}

/** Pagefind's own compression of a file, with a fixed header (no time, no name). */
function writeIndexFile(path: string, cbor: Buffer) {
  writeFileSync(path, gzipSync(Buffer.concat([SIGNATURE, cbor]), { level: 9 }));
}

/** UTF-8 byte order, as Rust orders Strings. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * A name as Pagefind gives it: the language, then the hash of the bytes cut
 * to `length` characters, longer while another file of the set has it.
 */
function shortName(language: string, cbor: Uint8Array, length: number, taken: Set<string>): string {
  const hash = `${language}_${pagefindHash(cbor)}`;
  let end = length;
  while (taken.has(hash.slice(0, end)) && end < hash.length) end++;
  return hash.slice(0, end);
}

interface EntryLanguage {
  hash: string;
  [key: string]: unknown;
}

/**
 * Rewrites the filter tables and meta file of every language of the index
 * in `dir` (a folder Pagefind wrote, with its pagefind-entry.json) in a fixed
 * order; returns the entry with the languages' new meta hashes, and writes it.
 */
export function stabiliseIndex<E extends { languages: Record<string, unknown> }>(dir: string, entry: E): E {
  const languages: Record<string, unknown> = {};
  for (const [language, value] of Object.entries(entry.languages)) {
    const info = value as EntryLanguage;
    languages[language] = { ...info, hash: stabiliseLanguage(dir, language, info.hash) };
  }
  const stable = { ...entry, languages };
  writeFileSync(join(dir, 'pagefind-entry.json'), JSON.stringify(stable));
  return stable;
}

/** One language: its filter files and its meta file; returns the meta file's new hash. */
function stabiliseLanguage(dir: string, language: string, metaHash: string): string {
  const metaPath = join(dir, `pagefind.${metaHash}.pf_meta`);
  const meta = readIndexFile(metaPath);
  // MetaIndex: [version, pages, index_chunks, filters: [[filter, hash]...], sorts, meta_fields]
  if (!Array.isArray(meta) || !Array.isArray(meta[3])) throw new Error(`${metaPath} has no list of filters where Pagefind 1.5 puts it`);
  const filters = (meta[3] as Cbor[]).map((f) => {
    if (!Array.isArray(f) || typeof f[0] !== 'string' || typeof f[1] !== 'string') throw new Error(`${metaPath}: a filter is not [name, hash]`);
    return { name: f[0], hash: f[1] };
  });
  filters.sort((a, b) => byBytes(a.name, b.name));
  const files = filters.map((f) => {
    const path = join(dir, 'filter', `${f.hash}.pf_filter`);
    // FilterIndex: [filter, values: [[value, pages]...]]
    const table = readIndexFile(path);
    if (!Array.isArray(table) || typeof table[0] !== 'string' || !Array.isArray(table[1])) throw new Error(`${path} is not a filter table`);
    const values = (table[1] as Cbor[]).slice().sort((a, b) => byBytes(String((a as Cbor[])[0]), String((b as Cbor[])[0])));
    return { filter: f, path, cbor: encodeCbor([table[0], values]) };
  });
  // New names once every old one is read: a new name may be an old one.
  const taken = new Set<string>();
  for (const file of files) {
    file.filter.hash = shortName(language, file.cbor, language.length + 8, taken);
    taken.add(file.filter.hash);
    rmSync(file.path);
  }
  for (const file of files) writeIndexFile(join(dir, 'filter', `${file.filter.hash}.pf_filter`), file.cbor);
  const sorted = [...meta];
  sorted[3] = filters.map((f) => [f.name, f.hash]);
  const cbor = encodeCbor(sorted);
  const hash = `${language}_${pagefindHash(cbor).slice(0, language.length + 8)}`;
  const target = join(dir, `pagefind.${hash}.pf_meta`);
  writeIndexFile(`${target}.tmp`, cbor);
  if (existsSync(metaPath)) rmSync(metaPath);
  renameSync(`${target}.tmp`, target);
  return hash;
}
