/** Conventions and their follow-up against a real encrypted vault, through the real router. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getConvention } from '../../src/main/services/conventions';
import type { ConventionFieldsInput } from '../../src/shared/api/conventions';
import { MAX_ATTACHMENT_BYTES, REQUIRED_DOCUMENTS } from '../../src/shared/domain/conventions';
import type { LegalForm } from '../../src/shared/domain/directory';
import { todayInParis } from '../../src/shared/rules/dates';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
beforeEach(async () => {
  vault = await createTestVault();
});
afterEach(() => vault.cleanup());

const structure = async (
  name = 'Centre social des Tilleuls',
  legalForm: LegalForm = 'association',
) =>
  (
    await vault.value('structures.create', {
      fields: { name, type: 'centre_social', legalForm, networkStatus: 'dans_le_reseau' },
    })
  ).id;

const fieldsFor = (
  structureId: number,
  more: Partial<ConventionFieldsInput> = {},
): ConventionFieldsInput => ({
  structureId,
  reference: 'CAF-2026-001',
  kind: 'premiere',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  fundedPromeneurs: 2,
  subsidies: [
    { year: 2026, amountCents: 400_000 },
    { year: 2027, amountCents: 400_000 },
  ],
  ...more,
});

const create = async (structureId: number, more: Partial<ConventionFieldsInput> = {}) =>
  (await vault.value('conventions.create', { fields: fieldsFor(structureId, more) })).id;

const get = (id: number) => vault.value('conventions.get', { id });

/** Rows in every table: equal counts before and after mean nothing was written. */
function rowCounts(): Record<string, number> {
  const conn = vault.session.vault.connection;
  const tables = conn
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (conn.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n,
    ]),
  );
}

async function expectError(
  promise: Promise<{ ok: boolean; error?: { code: string; message: string; fields?: object } }>,
  code: string,
  fields?: Record<string, string | RegExp>,
) {
  const result = await promise;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok || !result.error) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(/[a-zàâçéèêëîïôûù]/i);
  if (fields) expect(result.error.fields).toMatchObject(fields);
  return result.error;
}

const keysOf = (docs: { key: string | null }[]) => docs.map((d) => d.key);
const pdf = (text = 'scan') => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');

describe('creating a convention', () => {
  it('generates the annex checklist for each legal form and kind', async () => {
    for (const legalForm of ['association', 'collectivite'] as const) {
      const structureId = await structure(`Structure ${legalForm}`, legalForm);
      const first = await create(structureId, { reference: `${legalForm}-1` });
      const renewal = await create(structureId, {
        reference: `${legalForm}-2`,
        kind: 'renouvellement',
        previousId: first,
        startDate: '2028-01-01',
        endDate: '2029-12-31',
        subsidies: [],
      });
      const a = await get(first);
      const b = await get(renewal);
      expect(keysOf(a.documents)).toEqual(REQUIRED_DOCUMENTS[legalForm].premiere.map((d) => d.key));
      expect(keysOf(b.documents)).toEqual(
        REQUIRED_DOCUMENTS[legalForm].renouvellement.map((d) => d.key),
      );
      expect(a.documents[0]).toMatchObject({
        receivedOn: null,
        validatedOn: null,
        comment: null,
        attachments: [],
      });
      expect(b.previous).toEqual({ id: first, reference: `${legalForm}-1` });
      expect(a.renewals).toEqual([{ id: renewal, reference: `${legalForm}-2` }]);
    }
    const association = await get(1);
    expect(association.documents.map((d) => d.label)).toContain('Statuts');
    expect(association.structure).toMatchObject({ legalForm: 'association' });
  });

  it('starts as a draft, with its terms, totals and history', async () => {
    const structureId = await structure();
    const id = await create(structureId, { withMsa: true, notes: '  Signée en COPIL  ' });
    const c = await get(id);
    expect(c).toMatchObject({
      id,
      reference: 'CAF-2026-001',
      withMsa: true,
      kind: 'premiere',
      status: 'brouillon',
      statusHistory: [{ status: 'brouillon', since: todayInParis() }],
      endedOn: null,
      endReason: null,
      notes: 'Signée en COPIL',
      previous: null,
      renewals: [],
      amendments: [],
      payments: [],
    });
    expect(c.signed).toEqual({
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      fundedPromeneurs: 2,
      subsidies: [
        { year: 2026, amountCents: 400_000 },
        { year: 2027, amountCents: 400_000 },
      ],
    });
    expect(c.terms).toEqual(c.signed);
    expect(c.notices).toEqual([{ anniversary: '2027-01-01', noticeBy: '2026-10-01' }]);
    expect(c.totals).toEqual([
      {
        year: 2026,
        committedCents: 400_000,
        paidCents: 0,
        plannedCents: 0,
        remainingCents: 400_000,
      },
      {
        year: 2027,
        committedCents: 400_000,
        paidCents: 0,
        plannedCents: 0,
        remainingCents: 400_000,
      },
    ]);
  });

  it('refuses a missing structure or a wrong previous convention, writing nothing', async () => {
    const structureId = await structure();
    const other = await structure('MJC des Pentes');
    const first = await create(structureId);
    const before = rowCounts();
    await expectError(
      vault.call('conventions.create', { fields: fieldsFor(999) }),
      'INVALID_INPUT',
      {
        'fields.structureId': 'Cette structure n’existe pas.',
      },
    );
    await expectError(
      vault.call('conventions.create', {
        fields: fieldsFor(structureId, { kind: 'renouvellement', previousId: 999 }),
      }),
      'INVALID_INPUT',
      { 'fields.previousId': /n’existe pas/ },
    );
    await expectError(
      vault.call('conventions.create', {
        fields: fieldsFor(other, { kind: 'renouvellement', previousId: first }),
      }),
      'INVALID_INPUT',
      { 'fields.previousId': /même structure/ },
    );
    await expectError(
      vault.call('conventions.update', {
        id: first,
        fields: fieldsFor(structureId, { kind: 'renouvellement', previousId: first }),
      }),
      'INVALID_INPUT',
      { 'fields.previousId': /elle-même/ },
    );
    await expectError(vault.call('conventions.get', { id: 999 }), 'NOT_FOUND');
    expect(rowCounts()).toEqual(before);
  });
});

describe('listing conventions', () => {
  it('searches by reference and structure, filters, and sorts with the amended end date', async () => {
    const tilleuls = await structure('Centre social des Tilleuls');
    const pentes = await structure('MJC des Pentes');
    const a = await create(tilleuls, { reference: 'CAF-2026-014' });
    const b = await create(pentes, {
      reference: 'CAF-2025-003',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      subsidies: [{ year: 2025, amountCents: 300_000 }],
    });
    await vault.value('conventions.setStatus', { id: b, status: 'en_cours', since: '2025-01-01' });
    await vault.value('conventions.amendments.create', {
      conventionId: b,
      fields: { signedOn: '2026-06-01', object: 'Prolongation', endDate: '2028-06-30' },
    });

    const all = await vault.value('conventions.list', {});
    expect(all.map((c) => c.id)).toEqual([a, b]);
    expect(all[1]).toMatchObject({
      reference: 'CAF-2025-003',
      structureName: 'MJC des Pentes',
      endDate: '2028-06-30',
      totalCents: 300_000,
      status: 'en_cours',
      missingDocuments: REQUIRED_DOCUMENTS.association.premiere.length,
    });
    expect(all[0]!.totalCents).toBe(800_000);
    const ids = async (query: Parameters<typeof vault.value<'conventions.list'>>[1]) =>
      (await vault.value('conventions.list', query)).map((c) => c.id);
    expect(await ids({ search: 'pentes' })).toEqual([b]);
    expect(await ids({ search: '2026 014' })).toEqual([a]);
    expect(await ids({ search: 'tilleul caf' })).toEqual([a]);
    expect(await ids({ statuses: ['en_cours'] })).toEqual([b]);
    expect(await ids({ structureId: tilleuls })).toEqual([a]);
    expect(await ids({ sort: 'structure' })).toEqual([a, b]);
    expect(await ids({ sort: 'startDate' })).toEqual([b, a]);
    expect(await ids({ sort: 'endDate', direction: 'desc' })).toEqual([b, a]);

    // A renamed structure's conventions are found under its new name.
    await vault.value('structures.update', {
      id: pentes,
      fields: {
        name: 'Maison des jeunes du Plateau',
        type: 'centre_social',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
      },
    });
    expect(await ids({ search: 'plateau' })).toEqual([b]);
    expect(await ids({ search: 'pentes' })).toEqual([]);
  });
});

describe('updating a convention', () => {
  it('keeps the documents that hold something when the kind changes', async () => {
    const structureId = await structure();
    const previous = await create(structureId, { reference: 'CAF-2023-001' });
    const id = await create(structureId);
    const docs = (await get(id)).documents;
    const byKey = (key: string) => docs.find((d) => d.key === key)!;
    await vault.value('conventions.documents.update', {
      id: byKey('liste_ca').id,
      fields: { receivedOn: '2026-01-10', validatedOn: '2026-01-12' },
    });
    await vault.value('conventions.documents.update', {
      id: byKey('statuts').id,
      fields: { comment: 'Version de 2019 reçue, à mettre à jour' },
    });
    await vault.value('conventions.attachments.add', {
      documentId: byKey('rib').id,
      fileName: 'rib.pdf',
      mimeType: 'application/pdf',
      contentBase64: pdf(),
    });
    const manual = await vault.value('conventions.documents.add', {
      conventionId: id,
      label: 'Délibération du conseil municipal',
    });

    await vault.value('conventions.update', {
      id,
      fields: fieldsFor(structureId, { kind: 'renouvellement', previousId: previous }),
    });
    const after = await get(id);
    // Kept: what holds something (statuts, rib, liste_ca) or is still required (comptes_n1);
    // the rest of the first-agreement list goes; the certificate of no change comes last.
    expect(keysOf(after.documents)).toEqual([
      'statuts',
      'rib',
      'liste_ca',
      'comptes_n1',
      null,
      'non_changement',
    ]);
    expect(after.documents.find((d) => d.key === 'liste_ca')).toMatchObject({
      receivedOn: '2026-01-10',
      validatedOn: '2026-01-12',
    });
    expect(after.documents.find((d) => d.id === manual.id)!.label).toBe(
      'Délibération du conseil municipal',
    );
    expect(after.kind).toBe('renouvellement');
    expect(after.previous).toEqual({ id: previous, reference: 'CAF-2023-001' });

    const history = await vault.value('history.forRecord', { entity: 'convention', id });
    const update = history.find((e) => e.action === 'update' && e.subject === null)!;
    expect(update.changes).toEqual([
      { field: 'kind', before: 'premiere', after: 'renouvellement' },
      { field: 'previousId', before: null, after: previous },
    ]);
    const subjects = history.map((e) => `${e.action} ${e.subject}`);
    expect(subjects).toContain('delete Pièce : Récépissé de déclaration en préfecture');
    expect(subjects).toContain(
      'create Pièce : Attestation de non-changement de situation (existence légale, statuts, activité)',
    );
  });

  it('writes nothing when nothing changed, and refuses an end the amendments contradict', async () => {
    const structureId = await structure();
    const id = await create(structureId);
    const before = rowCounts();
    await vault.value('conventions.update', { id, fields: fieldsFor(structureId) });
    expect(rowCounts()).toEqual(before);

    await vault.value('conventions.payments.create', {
      conventionId: id,
      fields: { year: 2027, kind: 'avance', amountCents: 200_000, plannedOn: '2027-02-15' },
    });
    const counts = rowCounts();
    await expectError(
      vault.call('conventions.update', {
        id,
        fields: fieldsFor(structureId, {
          endDate: '2026-12-31',
          subsidies: [{ year: 2026, amountCents: 400_000 }],
        }),
      }),
      'INVALID_INPUT',
      { 'fields.endDate': /l’année 2027, qui a des versements/ },
    );
    expect(rowCounts()).toEqual(counts);
  });
});

describe('the status of a convention', () => {
  it('keeps every change with its date, and the end of a terminated one', async () => {
    const id = await create(await structure());
    await vault.value('conventions.setStatus', { id, status: 'envoyee', since: '2025-12-01' });
    await vault.value('conventions.setStatus', { id, status: 'signee', since: '2025-12-20' });
    await vault.value('conventions.setStatus', { id, status: 'en_cours', since: '2026-01-01' });
    await vault.value('conventions.setStatus', {
      id,
      status: 'resiliee',
      since: '2027-01-01',
      reason: 'La structure cesse son activité jeunesse.',
    });
    let c = await get(id);
    expect(c.status).toBe('resiliee');
    expect(c.endedOn).toBe('2027-01-01');
    expect(c.endReason).toBe('La structure cesse son activité jeunesse.');
    // Newest first by the date each took effect (the draft dates from today, when created).
    expect(
      c.statusHistory.filter((s) => s.status !== 'brouillon').map((s) => `${s.status} ${s.since}`),
    ).toEqual([
      'resiliee 2027-01-01',
      'en_cours 2026-01-01',
      'signee 2025-12-20',
      'envoyee 2025-12-01',
    ]);
    expect(c.statusHistory).toContainEqual({ status: 'brouillon', since: todayInParis() });
    // Nothing is due after the termination: only year 2026 and its anniversary report.
    expect(c.obligations.map((o) => o.key)).toEqual([
      'attestation_service_fait:2026',
      'bilan_anniversaire:1',
      'bilan_qualitatif:2026',
      'budget_previsionnel:2026',
      'compte_resultat:2026',
    ]);
    expect(
      c.obligations.some((o) => o.year === 2027 && o.kind === 'attestation_service_fait'),
    ).toBe(false);
    expect(c.notices).toEqual([{ anniversary: '2027-01-01', noticeBy: '2026-10-01' }]);

    await vault.value('conventions.setStatus', { id, status: 'en_cours', since: '2027-01-05' });
    c = await get(id);
    expect(c).toMatchObject({ status: 'en_cours', endedOn: null, endReason: null });

    await expectError(
      vault.call('conventions.setStatus', { id, status: 'resolue', since: '2026-01-01' }),
      'INVALID_INPUT',
      { reason: /motif/ },
    );
    await expectError(
      vault.call('conventions.setStatus', {
        id,
        status: 'resolue',
        since: '2025-06-01',
        reason: 'Fonds mal employés',
      }),
      'INVALID_INPUT',
      { since: /début de la convention/ },
    );
  });
});

describe('yearly obligations', () => {
  it('are generated for each covered year and keep their state across amendments', async () => {
    const id = await create(await structure());
    let c = await get(id);
    expect(c.obligations.map((o) => `${o.dueOn} ${o.key}`)).toEqual([
      '2026-12-31 attestation_service_fait:2026',
      '2027-01-01 bilan_anniversaire:1',
      '2027-06-30 bilan_qualitatif:2026',
      '2027-06-30 budget_previsionnel:2026',
      '2027-06-30 compte_resultat:2026',
      '2027-12-31 attestation_service_fait:2027',
      '2028-01-01 bilan_anniversaire:2',
      '2028-06-30 bilan_qualitatif:2027',
      '2028-06-30 budget_previsionnel:2027',
      '2028-06-30 compte_resultat:2027',
    ]);
    expect(c.obligations.every((o) => o.inForce && o.receivedOn === null)).toBe(true);
    expect(c.obligations[0]!.label).toBe('Attestation de service fait 2026');

    await vault.value('conventions.obligations.update', {
      conventionId: id,
      key: 'attestation_service_fait:2027',
      fields: { receivedOn: '2027-12-10', comment: 'Envoyée par courriel' },
    });
    await vault.value('conventions.obligations.update', {
      conventionId: id,
      key: 'bilan_anniversaire:2',
      fields: { receivedOn: '2027-12-20' },
    });
    // An amendment extends the agreement by a year: the states stay, the new year appears.
    const { id: amendmentId } = await vault.value('conventions.amendments.create', {
      conventionId: id,
      fields: {
        signedOn: '2027-09-01',
        object: 'Prolongation d’un an',
        endDate: '2028-12-31',
        subsidies: [{ year: 2028, amountCents: 450_000 }],
      },
    });
    c = await get(id);
    expect(c.obligations.find((o) => o.key === 'attestation_service_fait:2027')).toMatchObject({
      receivedOn: '2027-12-10',
      comment: 'Envoyée par courriel',
      inForce: true,
    });
    expect(c.obligations.map((o) => o.key)).toContain('attestation_service_fait:2028');
    expect(c.obligations.map((o) => o.key)).toContain('bilan_anniversaire:3');
    expect(c.terms.subsidies).toContainEqual({ year: 2028, amountCents: 450_000 });

    // Shortening to one year: 2027's received certificate stays, no longer in force.
    await vault.value('conventions.amendments.update', {
      id: amendmentId,
      fields: { signedOn: '2027-09-01', object: 'Fin anticipée', endDate: '2026-12-31' },
    });
    c = await get(id);
    expect(c.terms).toEqual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      fundedPromeneurs: 2,
      subsidies: [{ year: 2026, amountCents: 400_000 }],
    });
    expect(c.obligations.filter((o) => !o.inForce).map((o) => o.key)).toEqual([
      'attestation_service_fait:2027',
      'bilan_anniversaire:2',
    ]);
    expect(c.obligations.find((o) => o.key === 'attestation_service_fait:2027')).toMatchObject({
      label: 'Attestation de service fait 2027',
      dueOn: '2027-12-31',
      receivedOn: '2027-12-10',
    });
    expect(c.obligations.some((o) => o.key === 'compte_resultat:2027')).toBe(false);
    expect(c.totals.map((t) => t.year)).toEqual([2026]);

    // A stale state can be cleared, then it is gone; an unknown key is refused.
    await vault.value('conventions.obligations.update', {
      conventionId: id,
      key: 'bilan_anniversaire:2',
      fields: { receivedOn: null },
    });
    c = await get(id);
    expect(c.obligations.filter((o) => !o.inForce).map((o) => o.key)).toEqual([
      'attestation_service_fait:2027',
    ]);
    await expectError(
      vault.call('conventions.obligations.update', {
        conventionId: id,
        key: 'attestation_service_fait:2031',
        fields: { receivedOn: '2027-01-01' },
      }),
      'NOT_FOUND',
    );
    const history = await vault.value('history.forRecord', { entity: 'convention', id });
    expect(history.map((e) => e.subject)).toContain(
      'Obligation : Attestation de service fait 2027',
    );
  });

  it('follow the J/M date of the settings', async () => {
    const id = await create(await structure());
    const budget = async (deadline?: { day: number; month: number }) =>
      (await getConvention(vault.session.db, id, deadline)).obligations.find(
        (o) => o.key === 'budget_previsionnel:2026',
      )!.dueOn;
    expect(await budget()).toBe('2027-06-30');
    expect(await budget({ day: 31, month: 3 })).toBe('2027-03-31');
    await vault.value('settings.update', { obligationDueDay: 15, obligationDueMonth: 9 });
    expect(await budget()).toBe('2027-09-15');
    expect((await get(id)).obligations.find((o) => o.key === 'compte_resultat:2027')!.dueOn).toBe(
      '2028-09-15',
    );

    const before = rowCounts();
    await expectError(
      vault.call('settings.update', { obligationDueDay: 31, obligationDueMonth: 4 }),
      'INVALID_INPUT',
      { obligationDueDay: /n’existe pas/ },
    );
    await expectError(vault.call('settings.update', { obligationDueDay: 31 }), 'INVALID_INPUT');
    expect(rowCounts()).toEqual(before);
    expect(await vault.value('settings.get', {})).toMatchObject({
      obligationDueDay: 15,
      obligationDueMonth: 9,
    });
  });
});

describe('payments', () => {
  it('add up per year, committed versus paid and planned', async () => {
    const id = await create(await structure());
    const pay = (
      fields: Parameters<typeof vault.value<'conventions.payments.create'>>[1]['fields'],
    ) => vault.value('conventions.payments.create', { conventionId: id, fields });
    await pay({ year: 2026, kind: 'avance', amountCents: 200_000, paidOn: '2026-03-02' });
    const { id: balance } = await pay({
      year: 2026,
      kind: 'solde',
      amountCents: 200_000,
      plannedOn: '2027-07-15',
    });
    const { id: wrong } = await pay({
      year: 2027,
      kind: 'avance',
      amountCents: 150_000,
      plannedOn: '2027-03-01',
    });
    let c = await get(id);
    expect(c.totals).toEqual([
      {
        year: 2026,
        committedCents: 400_000,
        paidCents: 200_000,
        plannedCents: 200_000,
        remainingCents: 200_000,
      },
      {
        year: 2027,
        committedCents: 400_000,
        paidCents: 0,
        plannedCents: 150_000,
        remainingCents: 400_000,
      },
    ]);
    expect(c.payments.map((p) => `${p.year} ${p.kind}`)).toEqual([
      '2026 avance',
      '2026 solde',
      '2027 avance',
    ]);

    await vault.value('conventions.payments.update', {
      id: balance,
      fields: {
        year: 2026,
        kind: 'solde',
        amountCents: 200_000,
        plannedOn: '2027-07-15',
        paidOn: '2027-07-20',
      },
    });
    await vault.value('conventions.payments.remove', { id: wrong });
    c = await get(id);
    expect(c.totals[0]).toMatchObject({ paidCents: 400_000, plannedCents: 0, remainingCents: 0 });
    expect(c.totals[1]).toMatchObject({ paidCents: 0, plannedCents: 0, remainingCents: 400_000 });

    const before = rowCounts();
    await expectError(
      vault.call('conventions.payments.create', {
        conventionId: id,
        fields: { year: 2029, kind: 'avance', amountCents: 100, plannedOn: '2029-01-01' },
      }),
      'INVALID_INPUT',
      {
        'fields.year':
          'L’année 2029 n’est pas couverte par la convention, qui porte sur les années 2026 à 2027.',
      },
    );
    await expectError(
      vault.call('conventions.payments.update', {
        id: balance,
        fields: { year: 2025, kind: 'solde', amountCents: 100, paidOn: '2027-07-20' },
      }),
      'INVALID_INPUT',
      { 'fields.year': /2025/ },
    );
    await expectError(
      vault.call('conventions.payments.create', {
        conventionId: 999,
        fields: { year: 2026, kind: 'avance', amountCents: 100, plannedOn: '2026-01-01' },
      }),
      'NOT_FOUND',
    );
    expect(rowCounts()).toEqual(before);

    const history = await vault.value('history.forRecord', { entity: 'convention', id });
    expect(history.slice(0, 2).map((e) => `${e.action} ${e.subject}`)).toEqual([
      'delete Versement : avance 2027',
      'update Versement : solde 2026',
    ]);
    expect(history[1]!.changes).toEqual([{ field: 'paidOn', before: null, after: '2027-07-20' }]);
  });
});

describe('amendments', () => {
  it('are numbered by date of signature and give the terms as amended', async () => {
    const id = await create(await structure());
    const { id: later } = await vault.value('conventions.amendments.create', {
      conventionId: id,
      fields: {
        signedOn: '2026-09-01',
        object: 'Un Promeneur de plus',
        fundedPromeneurs: 3,
        subsidies: [{ year: 2027, amountCents: 600_000 }],
      },
    });
    const { id: earlier } = await vault.value('conventions.amendments.create', {
      conventionId: id,
      fields: {
        signedOn: '2026-04-01',
        object: 'Montant 2027 revu',
        fundedPromeneurs: 1,
        subsidies: [{ year: 2027, amountCents: 200_000 }],
      },
    });
    const c = await get(id);
    expect(c.amendments.map((a) => [a.number, a.id, a.object])).toEqual([
      [1, earlier, 'Montant 2027 revu'],
      [2, later, 'Un Promeneur de plus'],
    ]);
    expect(c.terms).toEqual({
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      fundedPromeneurs: 3,
      subsidies: [
        { year: 2026, amountCents: 400_000 },
        { year: 2027, amountCents: 600_000 },
      ],
    });
    expect(c.signed.fundedPromeneurs).toBe(2);
    expect(c.totals[1]!.committedCents).toBe(600_000);

    const history = await vault.value('history.forRecord', { entity: 'convention', id });
    expect(history.slice(0, 2).map((e) => `${e.action} ${e.subject}`)).toEqual([
      'create Avenant n° 1',
      'create Avenant n° 1',
    ]);
    await vault.value('conventions.amendments.remove', { id: earlier });
    expect((await get(id)).amendments.map((a) => a.number)).toEqual([1]);
    const last = (await vault.value('history.forRecord', { entity: 'convention', id }))[0]!;
    expect(`${last.action} ${last.subject}`).toBe('delete Avenant n° 1');
  });

  it('are refused when the terms would not hold, writing nothing', async () => {
    const id = await create(await structure());
    const amend = (
      fields: Parameters<typeof vault.value<'conventions.amendments.create'>>[1]['fields'],
    ) => vault.call('conventions.amendments.create', { conventionId: id, fields });
    const { id: extension } = await vault.value('conventions.amendments.create', {
      conventionId: id,
      fields: { signedOn: '2027-06-01', object: 'Prolongation', endDate: '2028-12-31' },
    });
    await vault.value('conventions.payments.create', {
      conventionId: id,
      fields: { year: 2028, kind: 'avance', amountCents: 100_000, plannedOn: '2028-02-01' },
    });
    const before = rowCounts();
    await expectError(
      amend({ signedOn: '2026-06-01', object: 'Erreur', endDate: '2025-12-31' }),
      'INVALID_INPUT',
      { 'fields.endDate': /doit suivre le début de la convention \(01\/01\/2026\)/ },
    );
    const cut = await expectError(
      amend({ signedOn: '2027-09-01', object: 'Fin anticipée', endDate: '2027-06-30' }),
      'INVALID_INPUT',
      { 'fields.endDate': /ne couvrirait plus l’année 2028, qui a des versements enregistrés/ },
    );
    expect(cut?.message).toMatch(/du 01\/01\/2026 au 30\/06\/2027/);
    await expectError(
      amend({
        signedOn: '2027-09-01',
        object: 'Montant',
        subsidies: [{ year: 2030, amountCents: 1 }],
      }),
      'INVALID_INPUT',
      { 'fields.subsidies.0.year': /L’année 2030 n’est pas couverte/ },
    );
    await expectError(
      amend({ signedOn: '2027-09-01', object: 'Trop long', endDate: '2036-12-31' }),
      'INVALID_INPUT',
      { 'fields.endDate': /plus de 6 ans/ },
    );
    await expectError(vault.call('conventions.amendments.remove', { id: extension }), 'CONFLICT');
    await expectError(
      vault.call('conventions.amendments.update', {
        id: 999,
        fields: { signedOn: '2027-06-01', object: 'X' },
      }),
      'NOT_FOUND',
    );
    expect(rowCounts()).toEqual(before);
  });
});

describe('scanned documents', () => {
  it('round-trip inside the vault, and fake or oversized files are refused', async () => {
    const id = await create(await structure());
    const statuts = (await get(id)).documents.find((d) => d.key === 'statuts')!;
    const content = pdf('statuts signés');
    const { id: attachmentId } = await vault.value('conventions.attachments.add', {
      documentId: statuts.id,
      fileName: 'C:\\Scans\\statuts.pdf',
      mimeType: 'application/pdf',
      contentBase64: content,
    });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('image'),
    ]);
    await vault.value('conventions.attachments.add', {
      documentId: statuts.id,
      fileName: 'page2.png',
      mimeType: 'image/png',
      contentBase64: png.toString('base64'),
    });
    const listed = (await get(id)).documents.find((d) => d.key === 'statuts')!.attachments;
    expect(listed.map((a) => [a.fileName, a.mimeType, a.size])).toEqual([
      ['statuts.pdf', 'application/pdf', Buffer.from(content, 'base64').length],
      ['page2.png', 'image/png', png.length],
    ]);
    expect(await vault.value('conventions.attachments.open', { id: attachmentId })).toEqual({
      id: attachmentId,
      fileName: 'statuts.pdf',
      mimeType: 'application/pdf',
      contentBase64: content,
    });

    const before = rowCounts();
    const fake = await expectError(
      vault.call('conventions.attachments.add', {
        documentId: statuts.id,
        fileName: 'virus.pdf',
        mimeType: 'application/pdf',
        contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64'),
      }),
      'INVALID_INPUT',
    );
    expect(fake?.message).toMatch(/^Ce fichier n’est pas un PDF/);
    await expectError(
      vault.call('conventions.attachments.add', {
        documentId: statuts.id,
        fileName: 'photo.jpg',
        mimeType: 'image/jpeg',
        contentBase64: png.toString('base64'),
      }),
      'INVALID_INPUT',
      { contentBase64: /n’est pas une image JPEG/ },
    );
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    big.write('%PDF-1.7\n');
    await expectError(
      vault.call('conventions.attachments.add', {
        documentId: statuts.id,
        fileName: 'gros.pdf',
        mimeType: 'application/pdf',
        contentBase64: big.toString('base64'),
      }),
      'INVALID_INPUT',
      { contentBase64: /trop volumineux/ },
    );
    await expectError(
      vault.call('conventions.attachments.add', {
        documentId: 999,
        fileName: 'x.pdf',
        mimeType: 'application/pdf',
        contentBase64: content,
      }),
      'NOT_FOUND',
    );
    expect(rowCounts()).toEqual(before);

    await vault.value('conventions.attachments.remove', { id: attachmentId });
    expect((await get(id)).documents.find((d) => d.key === 'statuts')!.attachments).toHaveLength(1);
    await expectError(
      vault.call('conventions.attachments.open', { id: attachmentId }),
      'NOT_FOUND',
    );
    const history = await vault.value('history.forRecord', { entity: 'convention', id });
    expect(history[0]).toMatchObject({
      action: 'update',
      subject: 'Pièce : Statuts',
      changes: [{ field: 'attachments', before: 'statuts.pdf', after: null }],
    });
  });

  it('documents added by hand can be removed, the annex’s cannot', async () => {
    const id = await create(await structure());
    const { id: manual } = await vault.value('conventions.documents.add', {
      conventionId: id,
      label: 'Avis du comité technique',
      category: 'activite',
    });
    const c = await get(id);
    expect(c.documents.at(-1)).toMatchObject({ id: manual, key: null, category: 'activite' });
    await expectError(
      vault.call('conventions.documents.update', {
        id: manual,
        fields: { validatedOn: '2026-02-01' },
      }),
      'INVALID_INPUT',
      { 'fields.receivedOn': /reçue/ },
    );
    const generated = c.documents[0]!.id;
    const refused = await expectError(
      vault.call('conventions.documents.remove', { id: generated }),
      'CONFLICT',
    );
    expect(refused?.message).toMatch(/annexe 2/);
    await vault.value('conventions.documents.remove', { id: manual });
    expect((await get(id)).documents.map((d) => d.id)).not.toContain(manual);
    await expectError(vault.call('conventions.documents.remove', { id: manual }), 'NOT_FOUND');
    const history = await vault.value('history.forRecord', { entity: 'convention', id });
    expect(history.slice(0, 2).map((e) => `${e.action} ${e.subject}`)).toEqual([
      'delete Pièce : Avis du comité technique',
      'create Pièce : Avis du comité technique',
    ]);
  });
});

describe('removing', () => {
  it('erases a convention with its parts and its status history', async () => {
    const structureId = await structure();
    const id = await create(structureId);
    const renewal = await create(structureId, {
      reference: 'CAF-2028-001',
      kind: 'renouvellement',
      previousId: id,
      startDate: '2028-01-01',
      endDate: '2028-12-31',
      subsidies: [],
    });
    const docId = (await get(id)).documents[0]!.id;
    await vault.value('conventions.attachments.add', {
      documentId: docId,
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      contentBase64: pdf(),
    });
    await vault.value('conventions.payments.create', {
      conventionId: id,
      fields: { year: 2026, kind: 'avance', amountCents: 1000, paidOn: '2026-02-01' },
    });
    await vault.value('conventions.amendments.create', {
      conventionId: id,
      fields: { signedOn: '2026-05-01', object: 'Objet', fundedPromeneurs: 3 },
    });
    await vault.value('conventions.obligations.update', {
      conventionId: id,
      key: 'attestation_service_fait:2026',
      fields: { receivedOn: '2026-12-01' },
    });
    await vault.value('conventions.setStatus', { id, status: 'signee', since: '2025-12-15' });

    const refused = await expectError(
      vault.call('structures.remove', { id: structureId }),
      'CONFLICT',
    );
    expect(refused?.message).toMatch(/2 conventions/);

    await vault.value('conventions.remove', { id });
    const conn = vault.session.vault.connection;
    const count = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
    for (const table of [
      'convention_subsidies',
      'convention_documents',
      'obligation_states',
      'convention_payments',
      'convention_amendments',
    ])
      expect(count(`select count(*) as n from ${table} where convention_id = ${id}`)).toBe(0);
    expect(count('select count(*) as n from document_attachments')).toBe(0);
    expect(
      count(
        `select count(*) as n from status_history where entity = 'convention' and entity_id = ${id}`,
      ),
    ).toBe(0);
    expect((await get(renewal)).previous).toBeNull();
    const history = await vault.value('history.forRecord', { entity: 'convention', id });
    expect(history[0]).toMatchObject({ action: 'delete', subject: null });
    await expectError(vault.call('conventions.remove', { id }), 'NOT_FOUND');

    const single = await expectError(
      vault.call('structures.remove', { id: structureId }),
      'CONFLICT',
    );
    expect(single?.message).toMatch(/une convention enregistrée/);
    await vault.value('conventions.remove', { id: renewal });
    await vault.value('structures.remove', { id: structureId });
  });
});
