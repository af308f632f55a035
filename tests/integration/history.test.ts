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
