/**
 * Files read once: what the contained process read from a file is kept in the main process's
 * memory for the steps that follow (a preview, then the import), found by a SHA-256 of the
 * file's name and bytes, so a file is parsed once rather than at every step (each parse
 * starts a process). The same name with other bytes, or other bytes under any name, is parsed
 * again.
 *
 * Nothing is ever written anywhere. What is kept belongs to the open vault's database (a
 * WeakMap: locking the vault drops it with the connection); each read goes after a quarter of
 * an hour unused, when its import has run (`forget`), or when newer reads push it out
 * (`capacity`, the oldest used first). Callers must not change what they are given.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';

/** How long a read is kept unused. */
export const KEPT_MS = 15 * 60 * 1000;

/** The key of a file: its name and bytes. */
export const fileDigest = (fileName: string, bytes: Uint8Array): string =>
  createHash('sha256').update(fileName).update('\u0000').update(bytes).digest('hex');

interface Entry<T> {
  value: T;
  timer: NodeJS.Timeout;
}

export class KeptReads<T> {
  private readonly byDb = new WeakMap<Db, Map<string, Entry<T>>>();

  /** At most `capacity` reads per vault. */
  constructor(private readonly capacity: number) {}

  /** The read kept for this digest (kept a quarter of an hour more), or undefined. */
  get(db: Db, digest: string): T | undefined {
    const entry = this.byDb.get(db)?.get(digest);
    if (!entry) return undefined;
    this.keep(db, digest, entry.value);
    return entry.value;
  }

  /** Keeps a read; the oldest used goes when there are more than `capacity`. */
  keep(db: Db, digest: string, value: T): void {
    let reads = this.byDb.get(db);
    if (!reads) this.byDb.set(db, (reads = new Map()));
    this.drop(reads, digest);
    const ref = new WeakRef(reads);
    const entry: Entry<T> = {
      value,
      timer: setTimeout(() => {
        const owner = ref.deref();
        if (owner?.get(digest) === entry) owner.delete(digest);
      }, KEPT_MS),
    };
    entry.timer.unref();
    reads.set(digest, entry); // a Map keeps insertion order: the first is the oldest used
    while (reads.size > this.capacity) this.drop(reads, reads.keys().next().value!);
  }

  /** Drops one read (its import has run), or all of this vault's. */
  forget(db: Db, digest?: string): void {
    const reads = this.byDb.get(db);
    if (!reads) return;
    if (digest !== undefined) this.drop(reads, digest);
    else for (const key of [...reads.keys()]) this.drop(reads, key);
  }

  /** The read of this file: the kept one, else `parse()`'s, kept. */
  async read(
    db: Db,
    fileName: string,
    bytes: Uint8Array,
    parse: () => Promise<T>,
  ): Promise<{ digest: string; value: T }> {
    const digest = fileDigest(fileName, bytes);
    const known = this.get(db, digest);
    if (known !== undefined) return { digest, value: known };
    const value = await parse();
    this.keep(db, digest, value);
    return { digest, value };
  }

  private drop(reads: Map<string, Entry<T>>, digest: string): void {
    const entry = reads.get(digest);
    if (!entry) return;
    clearTimeout(entry.timer);
    reads.delete(digest);
  }
}
