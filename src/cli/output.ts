/**
 * How does the command line write its files so that a failure leaves nothing behind? Each file is
 * written beside its target under a temporary name and renamed into place only once every file
 * has been written: a failed run writes no file, not even part of one.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { UsageError } from './usage-error.js';

/** One file to write. */
export interface OutputFile {
  path: string;
  text: string;
}

/** Writes every file, or none (a UsageError says which could not be written and why). */
export async function writeFiles(files: readonly OutputFile[]): Promise<void> {
  const written: Array<[string, string]> = [];
  let current = '';
  try {
    for (const file of files) {
      current = file.path;
      const temporary = `${file.path}.${process.pid}-${Date.now()}.partial`;
      written.push([temporary, file.path]);
      await writeFile(temporary, file.text, { flag: 'wx' });
    }
    for (const [temporary, path] of written) {
      current = path;
      await rename(temporary, path);
    }
  } catch (e) {
    await Promise.all(written.map(([temporary]) => rm(temporary, { force: true })));
    throw new UsageError(`${current} could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, 1);
  }
}
