/**
 * The screens the coordinator opens all day, through the real router: directory search as
 * the user types (each prefix of a name, in both lists), the list pages, a structure's page,
 * the to-do list, and the dashboard's data for one year and for ten years.
 */
import { PROMENEUR_PAGE } from '../src/shared/api/promeneurs';
import { TODO_PAGE } from '../src/shared/api/todo';
import { measure, repeat, time, type Measure } from './measure';
import type { OpenVault } from './session';
import type { BenchVault } from './vaults';

const RUNS = 20;
const WARM_UP = 2;
const SLOW_RUNS = 5;

export async function benchQueries(target: BenchVault, v: OpenVault): Promise<Measure[]> {
  const kind = target.kind;
  const db = v.session.db;
  const out: Measure[] = [];

  // What the user types: an active Promeneur's name, and the name of their structure.
  const someone = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select([
      'firstName',
      'lastName',
      'structures.name as structureName',
      'structures.id as structureId',
    ])
    .where('status', '=', 'actif')
    .orderBy('promeneurs.id')
    .executeTakeFirstOrThrow();
  const typed = (text: string) =>
    Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)).filter(
      (p) => p.trim() !== '',
    );
  const searchTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const prefix of typed(`${someone.firstName} ${someone.lastName}`))
      searchTimes.push(
        // The first page, as the list asks for it while the user types.
        await time(() => v.call('promeneurs.list', { search: prefix, limit: PROMENEUR_PAGE })),
      );
    for (const prefix of typed(someone.structureName))
      searchTimes.push(await time(() => v.call('structures.list', { search: prefix })));
  }
  out.push(
    measure(
      `${kind}.search`,
      'directory search as the user types (each prefix, both lists)',
      kind,
      searchTimes,
    ),
  );

  // Slow screens (a second or more) run 5 times rather than 20, so a run stays in minutes.
  const list = async (id: string, label: string, work: () => Promise<unknown>) => {
    const first = await time(work);
    const runs = first > 1000 ? SLOW_RUNS : RUNS;
    out.push(measure(`${kind}.${id}`, label, kind, await repeat(runs, work, WARM_UP - 1)));
  };
  await list('list.structures', 'list page: structures', () => v.call('structures.list', {}));
  // The Promeneurs list reads a page at a time as the person scrolls: its first page, as it opens.
  await list('list.promeneurs', 'list page: Promeneurs', () =>
    v.call('promeneurs.list', { limit: PROMENEUR_PAGE }),
  );
  await list('list.conventions', 'list page: conventions', () => v.call('conventions.list', {}));
  const month = target.today.slice(0, 7);
  await list('list.calendar', 'list page: calendar, one month', () =>
    v.call('calendar.list', { from: `${month}-01`, to: `${month}-28` }),
  );
  await list('structure.page', 'a structure’s page (record, Promeneurs, conventions)', () =>
    Promise.all([
      v.call('structures.get', { id: someone.structureId }),
      v.call('conventions.list', { structureId: someone.structureId }),
    ]),
  );
  // The « À faire » page reads a page at a time too: its first page, with the totals per period.
  await list('todo', 'to-do list (À faire), default horizon, first page', () =>
    v.call('todo.list', { limit: TODO_PAGE }),
  );
  await list('home', 'home page summary', () => v.call('home.summary', {}));

  const year = Number(target.today.slice(0, 4));
  await list('dashboard.year', `dashboard data, one year (${year - 1})`, () =>
    v.call('dashboard.data', { year: year - 1 }),
  );
  await list('dashboard.tenYears', `dashboard data, ten years (${year - 10}–${year - 1})`, () =>
    v.call('dashboard.data', { from: `${year - 10}-01-01`, to: `${year - 1}-12-31` }),
  );
  return out;
}
