/** The home summary: figures and next steps computed from the vault's real records. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { homeSummary } from '../../src/main/services/home';
import type { PromeneurFieldsInput } from '../../src/shared/api/promeneurs';
import type { StructureFieldsInput } from '../../src/shared/api/structures';
import { addMonths, todayInParis } from '../../src/shared/rules/dates';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
beforeEach(async () => {
  vault = await createTestVault();
});
afterEach(() => vault.cleanup());

const structure = async (fields: Partial<StructureFieldsInput> = {}) =>
  (
    await vault.value('structures.create', {
      fields: {
        name: 'MJC du Lac',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
        ...fields,
      },
    })
  ).id;

/** An active Promeneur with everything in order: charter signed, profile checked today. */
const promeneur = async (structureId: number, fields: Partial<PromeneurFieldsInput> = {}) =>
  (
    await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Léa',
        lastName: 'Morel',
        job: 'animateur',
        structureId,
        status: 'actif',
        charterSignedOn: '2026-01-05',
        complianceCheckedOn: todayInParis(),
        profiles: [{ platform: 'instagram', name: 'lea_pdn' }],
        ...fields,
      },
    })
  ).id;

const steps = async () =>
  (await vault.value('home.summary', {})).nextSteps.map((s) => [s.kind, s.count]);

describe('the home summary', () => {
  it('asks for a first structure in an empty vault', async () => {
    expect(await vault.value('home.summary', {})).toEqual({
      structuresInNetwork: 0,
      structuresCandidate: 0,
      promeneursActive: 0,
      promeneursInPreparation: 0,
      nextSteps: [
        {
          kind: 'add_structure',
          message: 'Ajoutez une première structure porteuse.',
          count: 0,
          link: '/structures/new',
        },
      ],
    });
  });

  it('asks for a first Promeneur once a structure exists', async () => {
    await structure({ charterSignedOn: '2026-01-05', charterSignatory: 'La présidente' });
    expect((await vault.value('home.summary', {})).nextSteps).toEqual([
      {
        kind: 'add_promeneur',
        message: 'Ajoutez un premier Promeneur du Net.',
        count: 0,
        link: '/promeneurs/new',
      },
    ]);
  });

  it('has nothing to suggest when every record is in order', async () => {
    const id = await structure({
      charterSignedOn: '2026-01-05',
      charterSignatory: 'La présidente',
    });
    await promeneur(id);
    expect(await steps()).toEqual([]);
  });

  it('counts the network, leaving archived records out', async () => {
    const inNetwork = await structure();
    await structure({ name: 'CS Nord', networkStatus: 'interessee' });
    await structure({ name: 'CS Sud', networkStatus: 'retenue', selectionYear: 2026 });
    await structure({ name: 'CS Est', networkStatus: 'sortie' });
    const archived = await structure({ name: 'CS Ouest' });
    await vault.value('structures.archive', { id: archived });
    await promeneur(inNetwork);
    await promeneur(inNetwork, { firstName: 'Yanis' });
    await promeneur(inNetwork, { firstName: 'Zoé', status: 'en_preparation' });
    await promeneur(inNetwork, { firstName: 'Inès', status: 'suspendu' });
    const gone = await promeneur(inNetwork, { firstName: 'Marc' });
    await vault.value('promeneurs.archive', { id: gone });

    const summary = await vault.value('home.summary', {});
    expect(summary).toMatchObject({
      structuresInNetwork: 1,
      structuresCandidate: 2,
      promeneursActive: 2,
      promeneursInPreparation: 1,
    });
  });

  it('lists what needs doing, with counts and French messages', async () => {
    const a = await structure({ name: 'A' });
    const b = await structure({ name: 'B' });
    await structure({ name: 'Candidate', networkStatus: 'interessee' }); // not in the network: no charter expected yet
    await promeneur(a, { charterSignedOn: null, profiles: [] });
    await promeneur(a, { charterSignedOn: null, complianceCheckedOn: null });
    await promeneur(b, { complianceCheckedOn: addMonths(todayInParis(), -7) });
    await promeneur(b, {
      status: 'en_preparation',
      charterSignedOn: null,
      complianceCheckedOn: null,
      profiles: [],
    }); // not active: no step

    expect((await vault.value('home.summary', {})).nextSteps).toEqual([
      {
        kind: 'structure_charter_missing',
        message: '2 structures du réseau n’ont pas de charte signée enregistrée.',
        count: 2,
        link: '/structures',
      },
      {
        kind: 'promeneur_charter_missing',
        message: '2 Promeneurs actifs n’ont pas de date de signature de la charte.',
        count: 2,
        link: '/promeneurs',
      },
      {
        kind: 'compliance_check_due',
        message:
          '2 profils de Promeneurs actifs sont à vérifier (jamais vérifiés, ou il y a 6 mois ou plus).',
        count: 2,
        link: '/promeneurs',
      },
      {
        kind: 'promeneur_without_profile',
        message: 'Un Promeneur actif n’a aucun profil en ligne enregistré.',
        count: 1,
        link: '/promeneurs',
      },
    ]);
  });

  it('drops a step once the records are put right', async () => {
    const id = await structure({ name: 'A' });
    const p = await promeneur(id, { charterSignedOn: null });
    expect(await steps()).toEqual([
      ['structure_charter_missing', 1],
      ['promeneur_charter_missing', 1],
    ]);
    await vault.value('structures.update', {
      id,
      fields: {
        name: 'A',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
        charterSignedOn: '2026-02-01',
        charterSignatory: 'Le maire',
      },
    });
    const current = await vault.value('promeneurs.get', { id: p });
    await vault.value('promeneurs.update', {
      id: p,
      fields: { ...current, charterSignedOn: '2026-02-01' },
    });
    expect(await steps()).toEqual([]);
  });

  it('makes a profile check due six months after the last one', async () => {
    const id = await structure({
      charterSignedOn: '2026-01-05',
      charterSignatory: 'La présidente',
    });
    await promeneur(id, { complianceCheckedOn: '2026-03-01' });
    const due = async (today: string) =>
      (await homeSummary(vault.session.db, today)).nextSteps.find(
        (s) => s.kind === 'compliance_check_due',
      )?.count ?? 0;
    expect(await due('2026-08-31')).toBe(0);
    expect(await due('2026-09-01')).toBe(1);
    expect(await due('2027-01-15')).toBe(1);
  });
});
