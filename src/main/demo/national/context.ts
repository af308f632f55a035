/**
 * What every part of the national generator shares: the connection, the seeded random
 * source, the day it is built for, date helpers and prepared inserts. Everything is written
 * with raw prepared statements inside the caller's transaction: the services would take
 * hours for millions of rows, so the generator writes the same rows they would (same
 * columns, search keys, vocabularies) directly.
 */
import type { Connection } from '../../db/connection';
import type { Random } from '../random';
import type { NationSize } from './size';

export interface Gen {
  conn: Connection;
  random: Random;
  /** The day the nation is built for (YYYY-MM-DD). */
  today: string;
  size: NationSize;
  /** The first day of the history (the first of the month, `size.years` years before today). */
  historyStart: string;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
export const addDays = (iso: string, days: number) =>
  new Date((dayNumber(iso) + days) * DAY).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
export const yearOf = (iso: string) => Number(iso.slice(0, 4));
export const earliest = (a: string, b: string) => (a < b ? a : b);
export const latest = (a: string, b: string) => (a > b ? a : b);
export const pad2 = (n: number) => String(n).padStart(2, '0');
/** The first day of the month after the one of `iso`. */
export const firstOfNextMonth = (iso: string) => {
  const y = yearOf(iso);
  const m = Number(iso.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad2(m + 1)}-01`;
};
/** `iso` plus whole months, clamped to the month's last day. */
export function addMonthsTo(iso: string, months: number): string {
  const position = yearOf(iso) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const y = Math.floor(position / 12);
  const m = (position % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad2(m)}-${pad2(Math.min(Number(iso.slice(8, 10)), last))}`;
}
/** A day drawn between two days, both included. */
export const dayBetween = (random: Random, from: string, to: string) =>
  addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
/** Saturday and Sunday move to the Monday after. */
export function weekday(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(iso, 2) : dow === 0 ? addDays(iso, 1) : iso;
}
/** An instant on a day, for created_at / updated_at: deterministic, never the clock. */
export const instantOn = (day: string, minutes = 540) =>
  `${day}T${pad2(Math.floor(minutes / 60) % 24)}:${pad2(minutes % 60)}:00.000Z`;

/** A prepared insert of the given columns; returns the new row's id. */
export function inserter(
  conn: Connection,
  table: string,
  columns: readonly string[],
): (...values: unknown[]) => number {
  const statement = conn.prepare(
    `insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  return (...values) => Number(statement.run(...values).lastInsertRowid);
}

/** Draws a key by weight. */
export function weighted<K extends string>(random: Random, weights: Partial<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((t, [, w]) => t + w, 0);
  let x = random.next() * total;
  for (const [key, w] of entries) {
    x -= w;
    if (x < 0) return key;
  }
  return entries.at(-1)![0];
}
