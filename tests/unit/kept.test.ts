/** Reads kept between import steps (imports/kept.ts): found by name and bytes, bounded, per vault. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/connection';
import { fileDigest, KeptReads } from '../../src/main/imports/kept';

const db = () => ({}) as Db;
const bytes = (...b: number[]) => new Uint8Array(b);

describe('KeptReads', () => {
  it('finds a read by its file name and bytes only', async () => {
    const kept = new KeptReads<{ n: number }>(10);
    const vault = db();
    let parses = 0;
    const parse = async () => ({ n: ++parses });
    const first = await kept.read(vault, 'a.xlsx', bytes(1, 2), parse);
    expect((await kept.read(vault, 'a.xlsx', bytes(1, 2), parse)).value).toBe(first.value);
    expect((await kept.read(vault, 'a.xlsx', bytes(1, 3), parse)).value.n).toBe(2);
    expect((await kept.read(vault, 'b.xlsx', bytes(1, 2), parse)).value.n).toBe(3);
    expect(fileDigest('a', bytes(1))).not.toBe(fileDigest('a\u0000', bytes()));
    // Another vault keeps its own.
    expect((await kept.read(db(), 'a.xlsx', bytes(1, 2), parse)).value.n).toBe(4);
  });

  it('keeps at most its capacity, the least recently used going first', () => {
    const kept = new KeptReads<string>(2);
    const vault = db();
    kept.keep(vault, 'a', 'A');
    kept.keep(vault, 'b', 'B');
    expect(kept.get(vault, 'a')).toBe('A'); // used: now the newest
    kept.keep(vault, 'c', 'C');
    expect(kept.get(vault, 'b')).toBeUndefined();
    expect([kept.get(vault, 'a'), kept.get(vault, 'c')]).toEqual(['A', 'C']);
  });

  it('forgets one read, or all of a vault', () => {
    const kept = new KeptReads<string>(5);
    const vault = db();
    kept.keep(vault, 'a', 'A');
    kept.keep(vault, 'b', 'B');
    kept.forget(vault, 'a');
    expect([kept.get(vault, 'a'), kept.get(vault, 'b')]).toEqual([undefined, 'B']);
    kept.forget(vault);
    expect(kept.get(vault, 'b')).toBeUndefined();
  });
});
