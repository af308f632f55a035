/** The demo department: plausible, complete, obviously fictional, and the same for the same seed. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FICTION_PHONE_STORED } from '../../src/main/demo/data';
import { createRandom, mulberry32 } from '../../src/main/demo/random';
import { fictionalSiret, seedDemo } from '../../src/main/demo/seed';
import { cadenceOf } from '../../src/main/services/calendar/cadence';
import { getEvent } from '../../src/main/services/calendar/events';
import { homeSummary } from '../../src/main/services/home';
import { listTodo } from '../../src/main/services/todo';
import { TO_DO_KINDS } from '../../src/shared/domain/todo';
import { EVENT_TYPES } from '../../src/shared/domain/calendar';
import {
  JOBS,
  LEGAL_FORMS,
  PROMENEUR_STATUSES,
  STRUCTURE_STATUSES,
  STRUCTURE_TYPES,
} from '../../src/shared/domain/directory';
import { lastEndedPeriod, shiftPeriod } from '../../src/shared/rules/activity';
import { addMonths, todayInParis } from '../../src/shared/rules/dates';
import { luhnValid, siretError } from '../../src/shared/rules/siret';
import { createTestVault, type TestVault } from '../support/vault';

const TODAY = '2026-11-22';

let vault: TestVault;
beforeEach(async () => {
  vault = await createTestVault();
});
afterEach(() => vault.cleanup());

const rows = <T>(sql: string) => vault.session.vault.connection.prepare(sql).all() as T[];

/** Every table's rows, with the instants of this run (created at, recorded at…) blanked out. */
function dump(v: TestVault): string {
  const conn = v.session.vault.connection;
  const tables = conn
    .prepare(
      `select name from sqlite_master where type = 'table' and name not in ('migrations') and name not like 'sqlite_%' order by name`,
    )
    .all() as { name: string }[];
  const all = Object.fromEntries(
    tables.map(({ name }) => [name, conn.prepare(`select * from "${name}" order by rowid`).all()]),
  );
  return JSON.stringify(all).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, '<instant>');
}

describe('the generator', () => {
  it('is deterministic and spreads its values', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('makes SIRET numbers that pass the check but cannot be a real establishment’s', () => {
    const random = createRandom(1);
    for (let i = 0; i < 200; i++) {
      const siret = fictionalSiret(random);
      expect(siretError(siret)).toBeNull();
      // Every real SIREN passes the Luhn check on its own: these never do.
      expect(luhnValid(siret.slice(0, 9))).toBe(false);
    }
  });
});

describe('the demo department', () => {
  beforeEach(async () => {
    await seedDemo(vault.session.db, { seed: 1, today: TODAY });
  });

  it('has about 14 host structures and 35 Promeneurs', async () => {
    const structures = await vault.value('structures.list', {});
    expect(structures.length).toBeGreaterThanOrEqual(12);
    expect(structures.length).toBeLessThanOrEqual(16);
    const promeneurs = rows<{ archived_at: string | null }>('select archived_at from promeneurs');
    expect(promeneurs).toHaveLength(35);
    // One former Promeneur is archived, the others are listed.
    expect(promeneurs.filter((p) => p.archived_at !== null)).toHaveLength(1);
    expect((await vault.value('promeneurs.list', {})).rows).toHaveLength(34);
  });

  it('uses every structure type, both legal forms, every status and every job', () => {
    const structures = rows<{
      type: string;
      legal_form: string;
      network_status: string;
      selection_year: number | null;
    }>('select type, legal_form, network_status, selection_year from structures');
    expect(new Set(structures.map((s) => s.type))).toEqual(new Set(Object.keys(STRUCTURE_TYPES)));
    expect(new Set(structures.map((s) => s.legal_form))).toEqual(new Set(Object.keys(LEGAL_FORMS)));
    expect(new Set(structures.map((s) => s.network_status))).toEqual(
      new Set(Object.keys(STRUCTURE_STATUSES)),
    );
    const count = (status: string) => structures.filter((s) => s.network_status === status).length;
    expect(count('dans_le_reseau')).toBeGreaterThan(structures.length / 2);
    expect(count('sortie')).toBe(1);
    for (const s of structures.filter((x) => x.network_status === 'retenue'))
      expect(s.selection_year).toBe(Number(TODAY.slice(0, 4)));

    const promeneurs = rows<{ status: string; job: string }>('select status, job from promeneurs');
    expect(new Set(promeneurs.map((p) => p.status))).toEqual(
      new Set(Object.keys(PROMENEUR_STATUSES)),
    );
    expect(promeneurs.filter((p) => p.status === 'actif').length).toBeGreaterThan(
      promeneurs.length / 2,
    );
    expect(promeneurs.filter((p) => p.status === 'exclu')).toHaveLength(1);
    expect(new Set(promeneurs.map((p) => p.job)).size).toBeGreaterThanOrEqual(
      Object.keys(JOBS).length - 1,
    );
  });

  it('only holds fictional phone numbers, e-mails, links, SIRET and postal codes', () => {
    const structures = rows<{
      phone: string | null;
      email: string | null;
      website: string | null;
      siret: string | null;
      postal_code: string;
    }>('select phone, email, website, siret, postal_code from structures');
    const promeneurs = rows<{ phone: string | null; email: string | null }>(
      'select phone, email from promeneurs',
    );
    const phones = [...structures, ...promeneurs].map((r) => r.phone).filter((p) => p !== null);
    const emails = [...structures, ...promeneurs].map((r) => r.email).filter((e) => e !== null);
    expect(phones.length).toBeGreaterThan(30);
    for (const phone of phones) expect(phone).toMatch(FICTION_PHONE_STORED);
    expect(new Set(phones).size).toBe(phones.length);
    expect(emails).toHaveLength(structures.length + promeneurs.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.example$/);

    const links = [
      ...structures.map((s) => s.website),
      ...rows<{ url: string | null }>('select url from promeneur_profiles').map((p) => p.url),
    ].filter((u) => u !== null);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) expect(new URL(link).hostname).toMatch(/\.example$/);

    for (const { siret } of structures.filter((s) => s.siret !== null)) {
      expect(siretError(siret!)).toBeNull();
      expect(luhnValid(siret!.slice(0, 9))).toBe(false);
    }
    for (const { postal_code } of structures) expect(postal_code).toMatch(/^99\d{3}$/);
  });

  it('has profiles, duty slots, consents, and start dates over the last four years', () => {
    const promeneurs = rows<{
      id: number;
      status: string;
      start_date: string | null;
      publication: string;
    }>('select id, status, start_date, publication from promeneurs');
    const starts = promeneurs
      .map((p) => p.start_date)
      .filter((d) => d !== null)
      .sort();
    expect(starts[0]! >= addMonths(TODAY, -48)).toBe(true);
    expect(starts.at(-1)! <= TODAY).toBe(true);
    expect(starts[0]! < addMonths(TODAY, -30)).toBe(true);
    const platforms = rows<{ platform: string }>(
      'select distinct platform from promeneur_profiles',
    );
    expect(platforms.length).toBeGreaterThanOrEqual(6);
    expect(rows('select * from duty_slots').length).toBeGreaterThan(30);
    expect(promeneurs.some((p) => JSON.parse(p.publication).lastName === true)).toBe(true);
    expect(promeneurs.some((p) => JSON.parse(p.publication).lastName === false)).toBe(true);
  });

  it('gives the home page next steps to show', async () => {
    const summary = await homeSummary(vault.session.db, TODAY);
    expect(summary.promeneursActive).toBeGreaterThan(15);
    expect(summary.promeneursInPreparation).toBeGreaterThan(0);
    expect(summary.structuresCandidate).toBeGreaterThan(0);
    const kinds = summary.nextSteps.map((s) => s.kind);
    expect(kinds).toContain('compliance_check_due');
    expect(kinds).toContain('structure_charter_missing');
    expect(kinds).toContain('promeneur_charter_missing');
    expect(kinds).toContain('promeneur_without_profile');
    const due = summary.nextSteps.find((s) => s.kind === 'compliance_check_due')!;
    expect(due.count).toBeLessThan(summary.promeneursActive / 2);
  });

  it('has a history, as if it had been used for years', async () => {
    const history = rows<{ entity: string; entity_id: number; n: number }>(
      `select entity, entity_id, count(*) as n from status_history group by entity, entity_id having n > 1`,
    );
    expect(history.filter((h) => h.entity === 'structure').length).toBeGreaterThanOrEqual(3);
    expect(history.filter((h) => h.entity === 'promeneur').length).toBeGreaterThanOrEqual(5);
    const left = rows<{ id: number }>(
      `select id from structures where network_status = 'sortie'`,
    )[0]!;
    const structure = await vault.value('structures.get', { id: left.id });
    expect(structure.statusHistory.map((h) => h.status)).toEqual(['sortie', 'dans_le_reseau']);
    const updates = await vault.value('history.forRecord', { entity: 'structure', id: left.id });
    expect(updates.map((u) => u.action)).toEqual(['update', 'create']);
  });

  it('follows conventions at every stage, with documents, scans, payments and amendments', async () => {
    const statuses = rows<{ status: string }>('select status from conventions').map(
      (r) => r.status,
    );
    for (const status of ['brouillon', 'envoyee', 'en_cours', 'echue', 'resiliee'])
      expect(statuses).toContain(status);
    const list = await vault.value('conventions.list', {});
    expect(list.length).toBe(statuses.length);
    expect(list.some((c) => c.kind === 'renouvellement')).toBe(true);
    expect(rows('select id from convention_amendments').length).toBeGreaterThanOrEqual(2);
    const scans = rows<{ content: Buffer; mime_type: string }>(
      'select content, mime_type from document_attachments',
    );
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      expect(scan.mime_type).toBe('application/pdf');
      expect(scan.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const payments = rows<{ paid_on: string | null }>('select paid_on from convention_payments');
    expect(payments.some((p) => p.paid_on !== null)).toBe(true);
    expect(payments.some((p) => p.paid_on === null)).toBe(true);
  });

  it('gives the to-do list something of every kind, some of it overdue', async () => {
    const { items } = await listTodo(
      vault.session.db,
      { horizonMonths: 4, structureId: null, kinds: [], limit: null },
      TODAY,
    );
    for (const kind of Object.keys(TO_DO_KINDS)) expect(items.map((i) => i.kind)).toContain(kind);
    expect(items.some((i) => i.overdue)).toBe(true);
    expect(items.some((i) => !i.overdue)).toBe(true);
  });

  it('has two years of network life in its calendar, attendance included', async () => {
    const events = rows<{
      id: number;
      type: string;
      title: string;
      start: string;
      end: string;
      status: string;
      series_id: string | null;
    }>('select id, type, title, start, end, status, series_id from events order by start');
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(Object.keys(EVENT_TYPES)));
    expect(events[0]!.start >= addMonths(TODAY, -24)).toBe(true);
    expect(events.filter((e) => e.status === 'annule')).toHaveLength(1);
    // A monthly series of analysis of practice, held and to come.
    const series = events.filter((e) => e.series_id !== null);
    expect(new Set(series.map((e) => e.series_id)).size).toBe(1);
    expect(series.length).toBeGreaterThanOrEqual(6);
    expect(series.every((e) => e.type === 'analyse_pratiques')).toBe(true);
    expect(series.some((e) => e.start > TODAY)).toBe(true);
    // Departmental meetings twice a year, one planned in the coming months.
    const meetings = events.filter((e) => e.type === 'rencontre_departementale');
    expect(meetings.filter((e) => e.start < TODAY).length).toBeGreaterThanOrEqual(4);
    expect(meetings.some((e) => e.start > TODAY && e.start < addMonths(TODAY, 6))).toBe(true);

    // Past events held with their attendance, but for one left to record.
    const marks = rows<{ event_id: number; attendance: string | null }>(
      'select event_id, attendance from event_invitees',
    );
    const past = events.filter((e) => e.end < `${TODAY}T00:00` && e.status !== 'annule');
    const unrecorded = past.filter((e) =>
      marks.every((m) => m.event_id !== e.id || m.attendance === null),
    );
    expect(unrecorded.map((e) => [e.type, e.status])).toEqual([['analyse_pratiques', 'prevu']]);
    expect(past.filter((e) => e.status === 'tenu')).toHaveLength(past.length - 1);
    expect(new Set(marks.map((m) => m.attendance))).toEqual(
      new Set(['present', 'excuse', 'absent', null]),
    );
    for (const e of events.filter((x) => x.start > `${TODAY}T23:59`)) {
      expect(e.status).toBe('prevu');
      expect(marks.filter((m) => m.event_id === e.id && m.attendance !== null)).toEqual([]);
    }
    const people = rows<{ kind: string; name: string | null; email: string | null }>(
      "select kind, name, email from event_invitees where kind != 'promeneur'",
    );
    expect(new Set(people.map((p) => p.kind))).toEqual(new Set(['structure', 'invite']));
    for (const { email } of people.filter((p) => p.email !== null))
      expect(email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.example$/);

    // A training to come shows who still lacks it; a Promeneur's page, their events.
    const training = events.find((e) => e.type === 'formation' && e.start > TODAY)!;
    const lacking = (await getEvent(vault.session.db, training.id, TODAY)).stillLacking;
    expect(lacking.length).toBeGreaterThan(0);
    const someone = rows<{ promeneur_id: number }>(
      `select promeneur_id from event_invitees where promeneur_id is not null and attendance = 'present' limit 1`,
    )[0]!.promeneur_id;
    const theirs = await vault.value('calendar.forPromeneur', { promeneurId: someone });
    expect(theirs.some((e) => e.attendance === 'present')).toBe(true);
  });

  it('has two years of activity figures, with the seasons, and a few missing for the last quarter', async () => {
    const last = lastEndedPeriod('trimestrielle', TODAY);
    const all = await vault.value('activity.aggregates', {});
    expect(all.byPeriod.map((p) => p.period.key)).toEqual(
      Array.from({ length: 8 }, (_, i) => shiftPeriod(last, i - 7).key),
    );
    // Quieter in summer than at the back-to-school term, per report.
    const perReport = (quarter: string) => {
      const periods = all.byPeriod.filter((p) => p.period.key.endsWith(quarter));
      const sum = (pick: (p: (typeof periods)[number]) => number) =>
        periods.reduce((t, p) => t + pick(p), 0);
      return sum((p) => p.youngContacted) / sum((p) => p.reports);
    };
    expect(perReport('T3')).toBeLessThan(perReport('T4') * 0.75);
    const count = (list: { label: string; count: number }[], label: string) =>
      list.find((v) => v.label === label)!.count;
    expect(count(all.byChannel, 'Snapchat')).toBeGreaterThan(count(all.byChannel, 'X') * 5);
    expect(count(all.byTheme, 'Psychosocial et mal-être')).toBeGreaterThan(
      count(all.byTheme, 'Addictions') * 3,
    );
    expect(all.totals.youngMet).toBeLessThan(all.totals.youngContacted / 3);
    const sources = rows<{ source: string; n: number }>(
      'select source, count(*) as n from activity_reports group by source order by source',
    );
    expect(sources.map((s) => s.source)).toEqual(['import', 'saisie']);
    const completeness = await vault.value('activity.completeness', { periodKey: last.key });
    const missing = completeness.rows.filter((r) => r.report === null);
    expect(missing.length).toBeGreaterThanOrEqual(4);
    expect(missing.length).toBeLessThan(completeness.rows.length / 3);
    expect(completeness.missingEmails.length).toBeGreaterThan(0);
  });

  it('misses this year’s COTECH target, and says so on the to-do list', async () => {
    const year = Number(TODAY.slice(0, 4));
    const goals = await cadenceOf(vault.session.db, year, TODAY);
    expect(goals.map((g) => [g.type, g.missing > 0])).toEqual([
      ['rencontre_departementale', false],
      ['copil', false],
      ['cotech', true],
    ]);
    const { items } = await listTodo(
      vault.session.db,
      {
        horizonMonths: 4,
        structureId: null,
        kinds: ['cadence_gap', 'attendance_missing'],
        limit: null,
      },
      TODAY,
    );
    expect(items.map((i) => i.key)).toContain(`cadence:${year}:cotech`);
    expect(items.filter((i) => i.kind === 'attendance_missing')).toHaveLength(1);
    expect(items.find((i) => i.kind === 'attendance_missing')!.label).toBe(
      'Présences à saisir : Analyse des pratiques — groupe de Balise-la-Ville',
    );
  });

  it('has committees at work: members, agendas, attendance, minutes, decisions, actions', async () => {
    const copil = await vault.value('committees.get', { committee: 'copil' });
    const cotech = await vault.value('committees.get', { committee: 'cotech' });
    expect(copil.quorum).toBe(4);
    expect(copil.rules).toMatch(/quorum/);
    expect(copil.members.length).toBeGreaterThanOrEqual(8);
    expect(copil.members[0]).toMatchObject({ role: 'president', organisationKind: 'caf' });
    expect(copil.members.filter((m) => m.seat === 'suppleant' && m.substituteOfName)).toHaveLength(
      1,
    );
    expect(cotech.members.some((m) => m.memberUntil !== null && m.memberUntil < TODAY)).toBe(true);
    expect(new Set(copil.members.map((m) => m.organisationKind))).toEqual(
      new Set([
        'caf',
        'msa',
        'conseil_departemental',
        'etat_jeunesse',
        'epci',
        'federation',
        'structure',
        'autre',
        'promeneur',
      ]),
    );

    const statuses = new Set<string | null>();
    for (const committee of ['copil', 'cotech'] as const) {
      const meetings = await vault.value('committees.meetings', { committee });
      const past = meetings.filter((m) => m.start < TODAY);
      expect(past.length).toBeGreaterThanOrEqual(3);
      for (const summary of past) {
        statuses.add(summary.minutesStatus);
        const m = await vault.value('committees.meeting', { eventId: summary.eventId });
        expect(m.agenda.length, m.event.title).toBeGreaterThanOrEqual(3);
        expect(m.agenda.every((i) => i.minutes.content!.length > 0)).toBe(true);
        expect(
          m.attendance.every((l) => l.attendance !== null || l.member.seat === 'suppleant'),
        ).toBe(true);
        expect(m.actions.length).toBeGreaterThan(0);
      }
      const marks = (
        await Promise.all(
          past.map((s) => vault.value('committees.meeting', { eventId: s.eventId })),
        )
      ).flatMap((m) => m.attendance.map((l) => l.attendance));
      expect(marks).toContain('excuse');
      if (committee === 'copil') expect(marks).toContain('represente');
    }
    expect(statuses).toEqual(new Set(['diffuse', 'approuve', 'brouillon']));

    // The next COPIL has its agenda ready, opening with the follow-up of open actions.
    const [next] = (await vault.value('committees.meetings', { committee: 'copil' })).filter(
      (m) => m.start >= TODAY,
    );
    const upcoming = await vault.value('committees.meeting', { eventId: next!.eventId });
    expect(upcoming.agenda[0]!.followUp).toBe(true);
    expect(upcoming.agenda.length).toBeGreaterThanOrEqual(4);

    // The structures shown as selected and the excluded Promeneur have their decision, taken
    // on the day their status changed, without a second change of status.
    const register = await vault.value('committees.decisions.register', {});
    const selected = rows<{ id: number; since: string }>(
      `select s.id, h.since from structures s join status_history h on h.entity = 'structure' and h.entity_id = s.id and h.status = 'retenue' where s.network_status = 'retenue'`,
    );
    expect(selected.length).toBeGreaterThan(0);
    for (const s of selected)
      expect(
        register.find((d) => d.type === 'structure_retenue' && d.structureId === s.id)?.date,
      ).toBe(s.since);
    const [excluded] = rows<{ id: number; since: string; n: number }>(
      `select p.id, h.since, (select count(*) from status_history x where x.entity = 'promeneur' and x.entity_id = p.id and x.status = 'exclu') as n from promeneurs p join status_history h on h.entity = 'promeneur' and h.entity_id = p.id and h.status = 'exclu'`,
    );
    expect(excluded!.n).toBe(1);
    expect(register.find((d) => d.type === 'promeneur_exclu')).toMatchObject({
      promeneurId: excluded!.id,
      date: excluded!.since,
      committee: 'copil',
    });
    expect(new Set(register.map((d) => d.type)).size).toBe(5);

    // Open actions in the to-do list, one of them overdue.
    const { items } = await listTodo(
      vault.session.db,
      { horizonMonths: 12, structureId: null, kinds: ['committee_action'], limit: null },
      TODAY,
    );
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.some((i) => i.overdue)).toBe(true);
  });

  it('names the fictional department in the settings', async () => {
    expect((await vault.value('settings.get', {})).departmentName).toBe(
      'Val-de-Balise (département fictif)',
    );
  });

  it('finds accented names without the accents', async () => {
    const names = async (search: string) =>
      (await vault.value('promeneurs.list', { search })).rows.map(
        (p) => `${p.firstName} ${p.lastName}`,
      );
    // Search matches inside words: "eloise" also finds Héloïse.
    expect(await names('eloise')).toEqual(['Éloïse Songe', 'Héloïse Utopie']);
    expect(await names('eloise songe')).toEqual(['Éloïse Songe']);
    expect(await names('JEROME')).toEqual(['Jérôme Factice']);
    expect(await names('maelle chimere')).toEqual(['Maëlle Chimère']);
    expect(await names('Éloïse')).toEqual(await names('eloise'));
  });

  it('refuses to fill a vault that already holds records', async () => {
    await expect(seedDemo(vault.session.db)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('determinism', () => {
  it('gives the same department for the same seed, and another for another seed', async () => {
    const same = await createTestVault();
    const other = await createTestVault();
    try {
      await seedDemo(vault.session.db, { seed: 7, today: TODAY });
      await seedDemo(same.session.db, { seed: 7, today: TODAY });
      await seedDemo(other.session.db, { seed: 8, today: TODAY });
      expect(dump(same)).toEqual(dump(vault));
      expect(dump(other)).not.toEqual(dump(vault));
    } finally {
      await same.cleanup();
      await other.cleanup();
    }
  });

  it('builds dates around today by default', async () => {
    await seedDemo(vault.session.db);
    const latest = rows<{ d: string }>('select max(start_date) as d from promeneurs')[0]!.d;
    expect(latest <= todayInParis()).toBe(true);
    expect(latest > addMonths(todayInParis(), -3)).toBe(true);
  });
});
