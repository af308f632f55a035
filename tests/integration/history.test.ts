/** A record's audit history, as the history route gives it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
beforeEach(async () => {
  vault = await createTestVault();
});
afterEach(() => vault.cleanup());

const structureFields = {
  name: 'Espace jeunes du Val',
  type: 'accueil_jeunes',
  legalForm: 'collectivite',
  networkStatus: 'interessee',
} as const;

describe('a record’s history', () => {
  it('lists every change of the record, newest first, with when and what', async () => {
    const { id } = await vault.value('structures.create', { fields: structureFields });
    await vault.value('structures.update', {
      id,
      fields: { ...structureFields, commune: 'Ambert' },
    });
    await vault.value('structures.update', {
      id,
      fields: { ...structureFields, commune: 'Arlanc', territory: 'Livradois-Forez' },
    });
    await vault.value('structures.archive', { id });

    const history = await vault.value('history.forRecord', { entity: 'structure', id });
    expect(history.map((e) => e.action)).toEqual(['archive', 'update', 'update', 'create']);
    expect(history.every((e) => e.entity === 'structure' && e.entityId === id)).toBe(true);
    expect(history.map((e) => e.at)).toEqual([...history.map((e) => e.at)].sort().reverse());
    for (const e of history) expect(new Date(e.at).toISOString()).toBe(e.at);
    expect(history[1]!.changes).toEqual([
      { field: 'commune', before: 'Ambert', after: 'Arlanc' },
      { field: 'territory', before: null, after: 'Livradois-Forez' },
    ]);
    expect(history[2]!.changes).toEqual([{ field: 'commune', before: null, after: 'Ambert' }]);
  });

  it('keeps records of different kinds apart, even with the same id', async () => {
    const { id: structureId } = await vault.value('structures.create', { fields: structureFields });
    const { id: promeneurId } = await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Sacha',
        lastName: 'Blanc',
        job: 'mediateur_numerique',
        structureId,
        status: 'en_preparation',
      },
    });
    expect(promeneurId).toBe(structureId);
    await vault.value('promeneurs.update', {
      id: promeneurId,
      fields: {
        firstName: 'Sacha',
        lastName: 'Blanc-Roche',
        job: 'mediateur_numerique',
        structureId,
        status: 'en_preparation',
      },
    });

    const ofStructure = await vault.value('history.forRecord', {
      entity: 'structure',
      id: structureId,
    });
    const ofPromeneur = await vault.value('history.forRecord', {
      entity: 'promeneur',
      id: promeneurId,
    });
    expect(ofStructure.map((e) => e.action)).toEqual(['create']);
    expect(ofPromeneur.map((e) => e.action)).toEqual(['update', 'create']);
    expect(ofPromeneur[0]!.changes).toEqual([
      { field: 'lastName', before: 'Blanc', after: 'Blanc-Roche' },
    ]);
  });

  it('outlives the record: an erasure stays, its values are not kept', async () => {
    const { id } = await vault.value('structures.create', { fields: structureFields });
    await vault.value('structures.remove', { id });
    const history = await vault.value('history.forRecord', { entity: 'structure', id });
    expect(history.map((e) => [e.action, e.changes.length])).toEqual([
      ['delete', 0],
      ['create', 5], // name, type, legal form, QPV (false is a value), status
    ]);
  });

  it('is empty for a record that never existed', async () => {
    expect(await vault.value('history.forRecord', { entity: 'promeneur', id: 77 })).toEqual([]);
  });
});

describe('the whole log, searched', () => {
  /** Sets an entry's date, to test the date filters on known instants. */
  const setAt = (id: number, at: string) =>
    vault.session.vault.connection.prepare('update audit_log set at = ? where id = ?').run(at, id);

  it('filters by kind of record, record, kind of change, dates and words, newest first', async () => {
    const { id: s1 } = await vault.value('structures.create', { fields: structureFields });
    const { id: s2 } = await vault.value('structures.create', {
      fields: { ...structureFields, name: 'MJC du Pont' },
    });
    await vault.value('structures.update', {
      id: s1,
      fields: { ...structureFields, commune: 'Ambert' },
    });
    const { id: p } = await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Inès',
        lastName: 'Lavaur',
        job: 'animateur',
        structureId: s2,
        status: 'actif',
      },
    });
    await vault.value('settings.update', { retentionYears: 4 });
    const { id: ev } = await vault.value('calendar.create', {
      fields: {
        type: 'copil',
        title: 'COPIL de printemps',
        start: '2027-04-01T10:00',
        end: '2027-04-01T12:00',
      },
    });

    const all = await vault.value('history.search', {});
    console.log(`history.search: ${all.total} entries in all`);
    expect(all.total).toBe(6);
    expect(all.entries.map((e) => e.id)).toEqual(
      [...all.entries.map((e) => e.id)].sort((a, b) => b - a),
    );
    expect(all.entries.map((e) => [e.entity, e.label])).toEqual([
      ['event', 'COPIL de printemps (01/04/2027)'],
      ['settings', 'Paramètres'],
      ['promeneur', 'Inès Lavaur'],
      ['structure', 'Espace jeunes du Val'],
      ['structure', 'MJC du Pont'],
      ['structure', 'Espace jeunes du Val'],
    ]);

    const structures = await vault.value('history.search', { entity: 'structure' });
    expect(structures.total).toBe(3);
    const one = await vault.value('history.search', { entity: 'structure', entityId: s1 });
    expect(one.entries.map((e) => e.action)).toEqual(['update', 'create']);
    const updates = await vault.value('history.search', { action: 'update' });
    expect(updates.entries.map((e) => e.entity)).toEqual(['settings', 'structure']);
    const words = await vault.value('history.search', { text: 'ambert' });
    expect(words.entries.map((e) => e.entityId)).toEqual([s1]);
    expect((await vault.value('history.search', { text: 'retentionYears' })).total).toBe(1);
    // LIKE's wildcards are taken literally.
    expect((await vault.value('history.search', { text: '%' })).total).toBe(0);

    // Dates are Paris days: 23:30 UTC on 31/12 is already 01/01 in Paris.
    const [newest, , third] = all.entries;
    setAt(newest!.id, '2026-12-31T23:30:00.000Z');
    setAt(third!.id, '2026-12-31T22:30:00.000Z');
    const newYear = await vault.value('history.search', { from: '2027-01-01', to: '2027-01-01' });
    expect(newYear.entries.map((e) => e.id)).toEqual([newest!.id]);
    const lastDay = await vault.value('history.search', { from: '2026-12-31', to: '2026-12-31' });
    expect(lastDay.entries.map((e) => e.id)).toEqual([third!.id]);

    // A deleted record keeps its entries, without a label.
    await vault.value('calendar.remove', { id: ev });
    const gone = await vault.value('history.search', { entity: 'event' });
    expect(gone.entries.every((e) => e.label === null)).toBe(true);
    expect(p).toBeGreaterThan(0);
  });

  it('pages through the log with a total', async () => {
    for (let i = 0; i < 7; i++)
      await vault.value('structures.create', {
        fields: { ...structureFields, name: `Structure ${i}` },
      });
    const pages = [];
    for (let offset = 0; offset < 7; offset += 3)
      pages.push(await vault.value('history.search', { limit: 3, offset }));
    console.log(
      `history.search paging: ${pages.map((p) => p.entries.length).join('+')} of ${pages[0]!.total}`,
    );
    expect(pages.map((p) => p.entries.length)).toEqual([3, 3, 1]);
    expect(pages.every((p) => p.total === 7)).toBe(true);
    expect(pages.flatMap((p) => p.entries.map((e) => e.label))).toEqual(
      [6, 5, 4, 3, 2, 1, 0].map((i) => `Structure ${i}`),
    );
    const refused = await vault.call('history.search', { from: '2027-02-01', to: '2027-01-01' });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.fields?.to).toBe('La date de fin précède la date de début.');
  });
});
