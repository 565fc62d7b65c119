import { Inflate, zipSync, type Zippable } from 'fflate';
import type { Result } from '../core/result';
import { readPackage, type ReadOptions } from './read';
import type { DocxDocument, DocxReading } from './types';
import type { Inflater } from './zip';

/**
 * The package's uses of fflate, kept apart from the zip reader so a host with native zlib (the CLI)
 * never loads it: fflate builds its tables when it loads, about a tenth of `amend check`'s start-up.
 */

/** Compressed bytes pushed per step: at most ~64 MiB can come out of one step before the bound is checked. */
const STEP = 64 * 1024;

/** The portable inflater: fflate, streamed in steps so a bomb is stopped about 64 MiB past its declared size. */
export const streamInflate: Inflater = (data, size) => {
  const out = new Uint8Array(size);
  let filled = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (filled + chunk.length > out.length) overflow = true;
    else out.set(chunk, filled);
    filled += chunk.length;
  });
  if (data.length === 0) inflater.push(data, true);
  for (let i = 0; i < data.length && !overflow; i += STEP) {
    inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  }
  if (overflow) return null;
  return filled === size ? out : out.subarray(0, filled);
};

/** A new zip with the given entries, in order. */
export function writeZip(files: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of files)
    zippable[name] = [data, { level: /\.(png|jpe?g|gif|emf|wmf|bin)$/i.test(name) ? 0 : 6 }];
  return zipSync(zippable);
}

/** Options of readDocx: those of readPackage, with fflate as the default inflater. */
export type DocxReadOptions = Omit<ReadOptions, 'inflate'> & { readonly inflate?: Inflater };

/**
 * Reads a .docx package into the engine's snapshot (see readPackage), inflating with fflate unless
 * another inflater is given. `name` is only used in messages. Never throws on any input.
 */
export function readDocx(
  bytes: Uint8Array,
  name: string,
  options?: DocxReadOptions & { readonly layout?: true },
): Result<DocxDocument>;
export function readDocx(bytes: Uint8Array, name: string, options: DocxReadOptions): Result<DocxReading>;
export function readDocx(
  bytes: Uint8Array,
  name: string,
  options: DocxReadOptions = {},
): Result<DocxReading> {
  return readPackage(bytes, name, { ...options, inflate: options.inflate ?? streamInflate });
}
