/**
 * The to-do list (À faire) against a real encrypted vault: which conventions feed it, the
 * horizon, the filters, the order, and marking each kind of item done. `today` is fixed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setEventStatus } from '../../src/main/services/calendar/events';
import { dueItems, listTodo, markTodoDone, overdueCount } from '../../src/main/services/todo';
import type { EventFieldsInput } from '../../src/shared/api/calendar';
import type { ConventionFieldsInput } from '../../src/shared/api/conventions';
import { todoQuery, type TodoQuery } from '../../src/shared/api/todo';
import type { LegalForm } from '../../src/shared/domain/directory';
import { formatEuros } from '../../src/shared/rules/conventions';
import { todayInParis } from '../../src/shared/rules/dates';
import { createTestVault, type TestVault } from '../support/vault';

const TODAY = '2026-11-15';

let vault: TestVault;
/** The scenario's records. */
let s: {
  tilleuls: number;
  valbourg: number;
  c1: number;
  c2: number;
  c3: number;
  p1: number;
  p2: number;
  p3: number;
};

const structure = async (name: string, legalForm: LegalForm) =>
  (
    await vault.value('structures.create', {
      fields: { name, type: 'centre_social', legalForm, networkStatus: 'dans_le_reseau' },
    })
  ).id;

const convention = async (fields: ConventionFieldsInput) =>
  (await vault.value('conventions.create', { fields })).id;

const payment = async (conventionId: number, year: number, amountCents: number, on: string) =>
  (
    await vault.value('conventions.payments.create', {
      conventionId,
      fields: { year, kind: 'avance', amountCents, plannedOn: on },
    })
  ).id;

beforeEach(async () => {
  vault = await createTestVault();
  // No yearly meeting goals here: the calendar's items are tested on their own below.
  await vault.value('settings.update', {
    departmentalMeetingsPerYear: 0,
    copilPerYear: 0,
    cotechPerYear: 0,
  });
  const tilleuls = await structure('Centre social des Tilleuls', 'association');
  const valbourg = await structure('Mairie de Valbourg', 'collectivite');

  // C1: in force, every document received but the statutes.
  const c1 = await convention({
    structureId: tilleuls,
    reference: 'CAF-2026-001',
    kind: 'premiere',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    fundedPromeneurs: 2,
    subsidies: [
      { year: 2026, amountCents: 400_000 },
      { year: 2027, amountCents: 400_000 },
    ],
  });
  await vault.value('conventions.setStatus', { id: c1, status: 'en_cours', since: '2026-01-01' });
  for (const d of (await vault.value('conventions.get', { id: c1 })).documents)
    if (d.key !== 'statuts')
      await vault.value('conventions.documents.update', {
        id: d.id,
        fields: { receivedOn: '2025-12-10' },
      });
  const p1 = await payment(c1, 2027, 400_000, '2027-02-15');
  await vault.value('conventions.payments.create', {
    conventionId: c1,
    fields: { year: 2026, kind: 'avance', amountCents: 400_000, paidOn: '2026-02-15' },
  });

  // C2: a draft renewal for a public body: one document, one planned payment.
  const c2 = await convention({
    structureId: valbourg,
    reference: 'CAF-2027-002',
    kind: 'renouvellement',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    fundedPromeneurs: 1,
    subsidies: [{ year: 2027, amountCents: 100_000 }],
  });
  const p2 = await payment(c2, 2027, 100_000, '2027-01-10');

  // C3: terminated on 01/01/2026; all its obligations received but one; a payment planned.
  const c3 = await convention({
    structureId: tilleuls,
    reference: 'CAF-2024-009',
    kind: 'premiere',
    startDate: '2024-01-01',
    endDate: '2026-12-31',
    fundedPromeneurs: 1,
    subsidies: [],
  });
  await vault.value('conventions.setStatus', {
    id: c3,
    status: 'resiliee',
    since: '2026-01-01',
    reason: 'Départ du Promeneur, pas de remplacement',
  });
  for (const o of (await vault.value('conventions.get', { id: c3 })).obligations)
    if (o.key !== 'attestation_service_fait:2025')
      await vault.value('conventions.obligations.update', {
        conventionId: c3,
        key: o.key,
        fields: { receivedOn: '2026-02-01' },
      });
  const p3 = await payment(c3, 2025, 50_000, '2026-12-01');
  s = { tilleuls, valbourg, c1, c2, c3, p1, p2, p3 };
});
afterEach(() => vault.cleanup());

const list = (query: TodoQuery = {}, today = TODAY) =>
  listTodo(vault.session.db, todoQuery.parse(query), today);

const lines = async (query: TodoQuery = {}, today = TODAY) =>
  (await list(query, today)).items.map((i) => `${i.date} ${i.kind} ${i.label}`);

const NOTICE_2027 =
  'Dernier jour pour dénoncer la convention avant l’anniversaire du 01/01/2027 (préavis de 3 mois)';
const NO_CHANGE =
  'Pièce manquante : Attestation de non-changement de situation (existence légale, statuts, activité)';

describe('the to-do list', () => {
  it('gathers what is due within the horizon, sorted by date then label', async () => {
    const result = await list();
    expect(result.horizonMonths).toBe(4);
    expect(result.today).toBe(TODAY);
    expect(result.items.map((i) => `${i.date} ${i.kind} ${i.label}`)).toEqual([
      '2025-12-31 obligation_due Attestation de service fait 2025',
      '2026-01-01 document_missing Pièce manquante : Statuts',
      `2026-10-01 notice_deadline ${NOTICE_2027}`,
      '2026-12-31 obligation_due Attestation de service fait 2026',
      '2027-01-01 obligation_due Bilan d’activité et compte de résultat annuels (1re année, au 01/01/2027)',
      `2027-01-01 document_missing ${NO_CHANGE}`,
      `2027-01-10 payment_planned Versement prévu : avance 2027, ${formatEuros(100_000)}`,
      `2027-02-15 payment_planned Versement prévu : avance 2027, ${formatEuros(400_000)}`,
    ]);
    expect(formatEuros(400_000)).toMatch(/^4\s000,00\s€$/);
    expect(result.items.map((i) => i.overdue)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    // The sidebar's badge counts the same late items without listing them.
    expect(await overdueCount(vault.session.db, TODAY)).toEqual({ count: 3 });
    expect(await overdueCount(vault.session.db, '2027-01-05')).toEqual({
      count: (await list({ horizonMonths: 0 }, '2027-01-05')).items.filter((i) => i.overdue).length,
    });
    const statutes = result.items[1]!;
    expect(statutes).toMatchObject({
      context: 'CAF-2026-001',
      structure: { id: s.tilleuls, name: 'Centre social des Tilleuls' },
      link: `/conventions/${s.c1}?onglet=pieces`,
    });
    expect(statutes.key).toMatch(/^document:\d+$/);
    expect(result.items.map((i) => i.key)).toEqual(
      expect.arrayContaining([
        `obligation:${s.c3}:attestation_service_fait:2025`,
        `convention:${s.c1}:notice:2027-01-01`,
        `payment:${s.p1}`,
        `payment:${s.p2}`,
      ]),
    );
  });

  it('leaves out what the status of a convention does not call for', async () => {
    const keys = async () => (await list({ horizonMonths: 36 })).items.map((i) => i.key);
    let all = await keys();
    // Terminated: its obligations still count, not its documents nor its planned payment.
    expect(all).not.toContain(`payment:${s.p3}`);
    expect(all.filter((k) => k.startsWith(`convention:${s.c3}:`))).toEqual([]);
    // A draft: documents and payments, no obligations nor end of agreement.
    expect(all.some((k) => k.startsWith(`obligation:${s.c2}:`))).toBe(false);
    expect(all.some((k) => k.startsWith(`convention:${s.c2}:`))).toBe(false);
    expect(all).toContain(`convention:${s.c1}:end`);

    await vault.value('conventions.setStatus', { id: s.c3, status: 'echue', since: '2026-12-31' });
    await vault.value('conventions.setStatus', {
      id: s.c1,
      status: 'resolue',
      since: '2026-06-01',
      reason: 'Fonds détournés',
    });
    all = await keys();
    expect(all).toContain(`payment:${s.p3}`);
    expect(all).not.toContain(`payment:${s.p1}`);
    expect(all.some((k) => k.startsWith(`convention:${s.c1}:`))).toBe(false);
    expect(all.some((k) => k.startsWith('document:'))).toBe(true);
    expect(all.some((k) => k.startsWith(`obligation:${s.c1}:`))).toBe(false);
    // Échue: the obligations of the whole period are due again (the termination is gone).
    expect(all).toContain(`obligation:${s.c3}:attestation_service_fait:2026`);
  });

  it('looks as far ahead as asked, or as the setting says', async () => {
    expect(await lines({ horizonMonths: 0 })).toHaveLength(3);
    await vault.value('settings.update', { todoHorizonMonths: 12 });
    const year = await list();
    expect(year.horizonMonths).toBe(12);
    expect(year.items.map((i) => i.label)).toEqual(
      expect.arrayContaining([
        'Budget prévisionnel 2026',
        'Compte de résultat 2025',
        'Bilan qualitatif et quantitatif 2025',
      ]),
    );
    expect(year.items.some((i) => i.kind === 'convention_ending')).toBe(false);
    const longer = await lines({ horizonMonths: 14 });
    expect(longer).toContain(
      '2027-12-31 convention_ending Fin de la convention le 31/12/2027 : pas de tacite reconduction, préparer l’avenant ou le renouvellement',
    );
    // A notice deadline is left out once its anniversary has passed.
    const later = await dueItems(
      vault.session.db,
      { until: '2027-03-01', structureId: null, kinds: ['notice_deadline'] },
      '2027-02-01',
    );
    expect(later).toEqual([]);
  });

  it('filters by structure and by kind', async () => {
    expect(await lines({ structureId: s.valbourg })).toEqual([
      `2027-01-01 document_missing ${NO_CHANGE}`,
      `2027-01-10 payment_planned Versement prévu : avance 2027, ${formatEuros(100_000)}`,
    ]);
    expect(await lines({ kinds: ['payment_planned', 'notice_deadline'] })).toEqual([
      `2026-10-01 notice_deadline ${NOTICE_2027}`,
      `2027-01-10 payment_planned Versement prévu : avance 2027, ${formatEuros(100_000)}`,
      `2027-02-15 payment_planned Versement prévu : avance 2027, ${formatEuros(400_000)}`,
    ]);
    expect(await lines({ structureId: s.valbourg, kinds: ['obligation_due'] })).toEqual([]);
  });

  it('answers through its route for today in Paris', async () => {
    const result = await vault.value('todo.list', { kinds: ['document_missing'] });
    expect(result.today).toBe(todayInParis());
    expect(result.horizonMonths).toBe(4);
  });
});

describe('the conventions’ items, read only as far as needed', () => {
  it('still lists a late obligation of a convention ended long ago, not what was received', async () => {
    const old = await convention({
      structureId: s.valbourg,
      reference: 'CAF-2018-004',
      kind: 'premiere',
      startDate: '2018-01-01',
      endDate: '2019-12-31',
      fundedPromeneurs: 1,
      subsidies: [],
    });
    await vault.value('conventions.setStatus', { id: old, status: 'echue', since: '2019-12-31' });
    for (const o of (await vault.value('conventions.get', { id: old })).obligations)
      await vault.value('conventions.obligations.update', {
        conventionId: old,
        key: o.key,
        // One obligation only commented on: still not received, so still due.
        fields:
          o.key === 'bilan_qualitatif:2019'
            ? { receivedOn: null, comment: 'Relancé par courriel' }
            : { receivedOn: '2020-09-01', comment: null },
      });
    const items = (await list({ kinds: ['obligation_due'] })).items.filter((i) =>
      i.key.startsWith(`obligation:${old}:`),
    );
    expect(items).toEqual([
      {
        key: `obligation:${old}:bilan_qualitatif:2019`,
        kind: 'obligation_due',
        date: '2020-06-30',
        overdue: true,
        label: 'Bilan qualitatif et quantitatif 2018',
        context: 'CAF-2018-004',
        structure: { id: s.valbourg, name: 'Mairie de Valbourg' },
        link: `/conventions/${old}?onglet=obligations`,
      },
    ]);
  });

  it('follows the end date as amended, and leaves out payments planned beyond the horizon', async () => {
    await vault.value('conventions.amendments.create', {
      conventionId: s.c1,
      fields: { signedOn: '2026-06-01', object: 'Prolongation', endDate: '2028-06-30' },
    });
    const keys = (await list({ horizonMonths: 36 })).items.map((i) => i.key);
    expect(keys).toContain(`obligation:${s.c1}:attestation_service_fait:2028`);
    expect(keys).toContain(`convention:${s.c1}:end`);
    const ending = (await list({ horizonMonths: 36 })).items.find(
      (i) => i.key === `convention:${s.c1}:end`,
    );
    expect(ending?.date).toBe('2028-06-30');
    // Planned on 15/02/2027: beyond a horizon of one month, within one of three.
    expect((await list({ horizonMonths: 1 })).items.map((i) => i.key)).not.toContain(
      `payment:${s.p1}`,
    );
    expect((await list({ horizonMonths: 3 })).items.map((i) => i.key)).toContain(`payment:${s.p1}`);
  });

  it('gives conventions on the same terms each what it has not received, and its own end', async () => {
    // A twin of C1 (same start and end), for another structure; C1 receives its certificate.
    const twin = await convention({
      structureId: s.valbourg,
      reference: 'CAF-2026-004',
      kind: 'premiere',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      fundedPromeneurs: 1,
      subsidies: [],
    });
    await vault.value('conventions.setStatus', {
      id: twin,
      status: 'en_cours',
      since: '2026-01-01',
    });
    await vault.value('conventions.obligations.update', {
      conventionId: s.c1,
      key: 'attestation_service_fait:2026',
      fields: { receivedOn: TODAY },
    });
    await vault.value('conventions.amendments.create', {
      conventionId: twin,
      fields: { signedOn: '2026-06-01', object: 'Prolongation', endDate: '2028-06-30' },
    });
    const items = (await list({ horizonMonths: 36 })).items;
    const keys = items.map((i) => i.key);
    expect(keys).not.toContain(`obligation:${s.c1}:attestation_service_fait:2026`);
    expect(keys).toContain(`obligation:${twin}:attestation_service_fait:2026`);
    expect(keys).toContain(`obligation:${twin}:attestation_service_fait:2028`);
    expect(keys).not.toContain(`obligation:${s.c1}:attestation_service_fait:2028`);
    const end = (id: number) => items.find((i) => i.key === `convention:${id}:end`)?.date;
    expect([end(s.c1), end(twin)]).toEqual(['2027-12-31', '2028-06-30']);
  });
});

describe('marking an item done', () => {
  const done = (key: string) => markTodoDone(vault.session.db, key, TODAY);
  const history = (id: number) => vault.value('history.forRecord', { entity: 'convention', id });

  it('receives a document or an obligation, pays a payment, remembers a deadline', async () => {
    const items = (await list({ horizonMonths: 14 })).items;
    const statutes = items.find((i) => i.label === 'Pièce manquante : Statuts')!.key;
    for (const key of [
      statutes,
      `obligation:${s.c1}:attestation_service_fait:2026`,
      `payment:${s.p1}`,
      `convention:${s.c1}:notice:2027-01-01`,
      `convention:${s.c1}:end`,
    ])
      expect(await done(key)).toEqual({ key });

    const remaining = (await list({ horizonMonths: 14 })).items.map((i) => i.key);
    expect(remaining).not.toContain(statutes);
    expect(remaining).not.toContain(`obligation:${s.c1}:attestation_service_fait:2026`);
    expect(remaining).not.toContain(`payment:${s.p1}`);
    expect(remaining).not.toContain(`convention:${s.c1}:notice:2027-01-01`);
    expect(remaining).not.toContain(`convention:${s.c1}:end`);
    expect(remaining).toContain(`obligation:${s.c1}:attestation_service_fait:2027`);

    const c1 = await vault.value('conventions.get', { id: s.c1 });
    expect(c1.documents.find((d) => d.key === 'statuts')!.receivedOn).toBe(TODAY);
    expect(c1.obligations.find((o) => o.key === 'attestation_service_fait:2026')!.receivedOn).toBe(
      TODAY,
    );
    expect(c1.payments.find((p) => p.id === s.p1)).toMatchObject({
      plannedOn: '2027-02-15',
      paidOn: TODAY,
    });
    expect(c1.totals.find((t) => t.year === 2027)!.paidCents).toBe(400_000);

    const entries = await history(s.c1);
    expect(entries.slice(0, 5).map((e) => e.subject)).toEqual([
      'À faire : Fin de la convention le 31/12/2027 : pas de tacite reconduction, préparer l’avenant ou le renouvellement',
      `À faire : ${NOTICE_2027}`,
      'Versement : avance 2027',
      'Obligation : Attestation de service fait 2026',
      'Pièce : Statuts',
    ]);
    expect(entries[2]!.changes).toEqual([{ field: 'paidOn', before: null, after: TODAY }]);

    // Twice changes nothing.
    const count = entries.length;
    await done(statutes);
    await done(`convention:${s.c1}:end`);
    await done(`payment:${s.p1}`);
    expect(await history(s.c1)).toHaveLength(count);

    // An amendment moving the end brings the end of agreement back, at its new date.
    await vault.value('conventions.amendments.create', {
      conventionId: s.c1,
      fields: { signedOn: '2026-11-01', object: 'Prolongation de six mois', endDate: '2027-06-30' },
    });
    expect(await lines({ kinds: ['convention_ending'], horizonMonths: 12 })).toEqual([
      '2027-06-30 convention_ending Fin de la convention le 30/06/2027 : pas de tacite reconduction, préparer l’avenant ou le renouvellement',
    ]);
  });

  it('keeps an obligation’s comment when marking it received', async () => {
    await vault.value('conventions.obligations.update', {
      conventionId: s.c3,
      key: 'attestation_service_fait:2025',
      fields: { comment: 'Relancée le 03/02' },
    });
    await done(`obligation:${s.c3}:attestation_service_fait:2025`);
    const c3 = await vault.value('conventions.get', { id: s.c3 });
    expect(c3.obligations.find((o) => o.key === 'attestation_service_fait:2025')).toMatchObject({
      receivedOn: TODAY,
      comment: 'Relancée le 03/02',
    });
  });

  it('refuses unknown and malformed keys in French', async () => {
    for (const key of [
      'document:99999',
      'payment:99999',
      `obligation:${s.c1}:attestation_service_fait:2031`,
      `obligation:99999:attestation_service_fait:2026`,
      `convention:${s.c1}:notice:2030-01-01`,
      'convention:99999:end',
    ]) {
      const result = await vault.call('todo.markDone', { key });
      expect(result.ok, key).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('NOT_FOUND');
        expect(result.error.message).toMatch(/À faire/);
      }
    }
    for (const key of ['bogus', 'document:abc', 'convention:1:debut', 'payment:1:2']) {
      const result = await vault.call('todo.markDone', { key });
      expect(result.ok, key).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(/n’est pas reconnu/);
      }
    }
    await expect(
      dueItems(vault.session.db, { until: TODAY, structureId: 99999, kinds: [] }, TODAY),
    ).resolves.toEqual([]);
  });
});

describe('the calendar’s items', () => {
  /** An event (planned), with the active Promeneur invited when asked. */
  const event = async (fields: Partial<EventFieldsInput>, invite = true) => {
    const { id } = await vault.value('calendar.create', {
      fields: {
        type: 'autre',
        title: 'Réunion',
        start: '2026-10-06T14:00',
        end: '2026-10-06T16:00',
        ...fields,
      },
    });
    if (invite) {
      await vault.value('calendar.invite', {
        eventId: id,
        promeneurIds: [promeneur],
        guests: [{ name: 'Agnès Hypothèse', organisation: 'CAF' }],
      });
    }
    return id;
  };
  const mark = async (id: number, attendance: 'present' | 'absent' | null, which = 0) => {
    const invitee = (await vault.value('calendar.get', { id })).invitees[which]!;
    await vault.value('calendar.attendance', {
      eventId: id,
      marks: [{ inviteeId: invitee.id, attendance }],
    });
  };
  const calendarLines = async (query: TodoQuery = {}, today = TODAY) =>
    (await lines({ kinds: ['cadence_gap', 'attendance_missing'], ...query }, today)).map((l) =>
      l.replace(/^\S+ /, ''),
    );
  let promeneur: number;

  beforeEach(async () => {
    await vault.value('settings.update', {
      departmentalMeetingsPerYear: 2,
      copilPerYear: 1,
      cotechPerYear: 0,
    });
    promeneur = (
      await vault.value('promeneurs.create', {
        fields: {
          firstName: 'Camille',
          lastName: 'Fictif',
          job: 'animateur',
          structureId: s.tilleuls,
          status: 'actif',
        },
      })
    ).id;
  });

  it('warns about the yearly goals of this year, and of the next from 1 October on', async () => {
    const at = (day: string) => ({ start: `${day}T14:00`, end: `${day}T17:00` });
    const spring = await event({ type: 'rencontre_departementale', ...at('2026-03-10') }, false);
    await setEventStatus(vault.session.db, spring, 'tenu', TODAY);
    await event({ type: 'rencontre_departementale', ...at('2026-12-08') }, false);
    await event({ type: 'rencontre_departementale', ...at('2027-03-09') }, false);
    const copil = await event({ type: 'copil', ...at('2026-12-15') }, false);
    await setEventStatus(vault.session.db, copil, 'annule', TODAY);

    const result = await list({ kinds: ['cadence_gap'] });
    expect(result.items).toEqual([
      {
        key: 'cadence:2026:copil',
        kind: 'cadence_gap',
        date: TODAY,
        overdue: false,
        label: 'Il manque 1 COPIL planifié pour atteindre l’objectif de 1 en 2026',
        context: 'Objectifs 2026 : 0 tenu, 0 prévu',
        structure: null,
        link: '/calendrier/nouveau?type=copil',
      },
      expect.objectContaining({
        key: 'cadence:2027:copil',
        label: 'Il manque 1 COPIL planifié pour atteindre l’objectif de 1 en 2027',
      }),
      expect.objectContaining({
        key: 'cadence:2027:rencontre_departementale',
        label:
          'Il manque 1 rencontre départementale planifiée pour atteindre l’objectif de 2 en 2027',
        link: '/calendrier/nouveau?type=rencontre_departementale',
      }),
    ]);
    // Before 1 October, this year only; even with no horizon at all.
    expect(await calendarLines({ horizonMonths: 0 }, '2026-09-30')).toEqual([
      'cadence_gap Il manque 1 COPIL planifié pour atteindre l’objectif de 1 en 2026',
    ]);
    await vault.value('settings.update', { departmentalMeetingsPerYear: 4, cotechPerYear: 3 });
    expect(await calendarLines({}, '2026-09-30')).toEqual([
      'cadence_gap Il manque 1 COPIL planifié pour atteindre l’objectif de 1 en 2026',
      'cadence_gap Il manque 2 rencontres départementales planifiées pour atteindre l’objectif de 4 en 2026',
      'cadence_gap Il manque 3 COTECH planifiés pour atteindre l’objectif de 3 en 2026',
    ]);
    // They concern no structure.
    expect(await calendarLines({ structureId: s.tilleuls })).toEqual([]);
    // In the whole list, sorted with the others.
    const all = await lines();
    expect(all).toContain(
      `${TODAY} cadence_gap Il manque 1 COPIL planifié pour atteindre l’objectif de 1 en 2026`,
    );
    expect(all.map((l) => l.slice(0, 10))).toEqual(all.map((l) => l.slice(0, 10)).sort());
  });

  it('sets a goal aside for its year once marked done', async () => {
    const done = (key: string, today = TODAY) => markTodoDone(vault.session.db, key, today);
    expect(await done('cadence:2027:copil')).toEqual({ key: 'cadence:2027:copil' });
    await done('cadence:2027:copil');
    const keys = (await list({ kinds: ['cadence_gap'] })).items.map((i) => i.key);
    expect(keys).toEqual([
      'cadence:2026:copil',
      'cadence:2026:rencontre_departementale',
      'cadence:2027:rencontre_departementale',
    ]);
    const rows = vault.session.vault.connection
      .prepare(`select key, done_on from todo_done where key like 'cadence:%'`)
      .all();
    expect(rows).toEqual([{ key: 'cadence:2027:copil', done_on: TODAY }]);
    // A goal met, a year not watched, a type without goal.
    await event({ type: 'copil', start: '2026-12-01T10:00', end: '2026-12-01T12:00' }, false);
    for (const key of ['cadence:2026:copil', 'cadence:2031:copil', 'cadence:2026:cotech']) {
      const result = await vault.call('todo.markDone', { key });
      expect(result.ok, key).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
    }
    await expect(done('cadence:2027:rencontre_departementale', '2026-09-30')).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    for (const key of ['cadence:2027:formation', 'cadence:27:copil', 'event:abc:attendance']) {
      const result = await vault.call('todo.markDone', { key });
      expect(!result.ok && result.error.code, key).toBe('INVALID_INPUT');
    }
  });

  it('asks for the attendance of past events where none was recorded', async () => {
    const past = await event({ title: 'Analyse des pratiques', type: 'analyse_pratiques' });
    const partly = await event({ title: 'Partiellement saisi' });
    await mark(partly, 'absent');
    await event({ title: 'Sans invités' }, false);
    const cancelled = await event({ title: 'Annulé' });
    await setEventStatus(vault.session.db, cancelled, 'annule', TODAY);
    // Ends today: not past yet.
    await event({ title: 'Aujourd’hui', start: `${TODAY}T08:00`, end: `${TODAY}T10:00` });
    const held = await event({
      title: 'Tenu sans présences',
      start: '2026-11-02T09:00',
      end: '2026-11-02T12:00',
    });
    await setEventStatus(vault.session.db, held, 'tenu', TODAY);

    const items = (await list({ kinds: ['attendance_missing'] })).items;
    expect(items).toEqual([
      {
        key: `event:${past}:attendance`,
        kind: 'attendance_missing',
        date: '2026-10-06',
        overdue: true,
        label: 'Présences à saisir : Analyse des pratiques',
        context: 'Analyse des pratiques du 06/10/2026',
        structure: null,
        link: `/calendrier/${past}`,
      },
      expect.objectContaining({
        key: `event:${held}:attendance`,
        date: '2026-11-02',
        label: 'Présences à saisir : Tenu sans présences',
      }),
    ]);
    expect(await calendarLines({ structureId: s.tilleuls, kinds: ['attendance_missing'] })).toEqual(
      [],
    );
    // The next day, today's event joins them.
    expect(
      (await list({ kinds: ['attendance_missing'] }, '2026-11-16')).items.map((i) => i.label),
    ).toContain('Présences à saisir : Aujourd’hui');
    // A mark makes the item go.
    await mark(past, 'present');
    expect((await list({ kinds: ['attendance_missing'] })).items.map((i) => i.key)).toEqual([
      `event:${held}:attendance`,
    ]);
  });

  it('holds the event when marked done, once everyone has an attendance', async () => {
    const id = await event({});
    const key = `event:${id}:attendance`;
    const refused = await vault.call('todo.markDone', { key });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toMatch(/^Saisissez d’abord les présences : 2 personnes/);
    }
    await mark(id, 'present');
    await expect(markTodoDone(vault.session.db, key, TODAY)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Saisissez d’abord les présences : une personne/),
    });
    expect((await vault.value('calendar.get', { id })).status).toBe('prevu');
    await mark(id, 'absent', 1);
    expect(await markTodoDone(vault.session.db, key, TODAY)).toEqual({ key });
    expect((await vault.value('calendar.get', { id })).status).toBe('tenu');
    const entries = await vault.value('history.forRecord', { entity: 'event', id });
    expect(entries[0]!.changes).toEqual([{ field: 'status', before: 'prevu', after: 'tenu' }]);
    await markTodoDone(vault.session.db, key, TODAY);
    expect(await vault.value('history.forRecord', { entity: 'event', id })).toHaveLength(
      entries.length,
    );
    const cancelled = await event({ title: 'Annulé' });
    await setEventStatus(vault.session.db, cancelled, 'annule', TODAY);
    for (const unknown of [`event:${cancelled}:attendance`, 'event:99999:attendance']) {
      const result = await vault.call('todo.markDone', { key: unknown });
      expect(!result.ok && result.error.code, unknown).toBe('NOT_FOUND');
    }
  });
});
