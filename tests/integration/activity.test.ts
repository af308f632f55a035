/**
 * The activity indicators against a real encrypted vault: the editable lists, entry by hand,
 * completeness and « À faire », the templates' round trip (generated, filled with exceljs as
 * a Promeneur would, imported back, aggregates compared with what was written), malformed
 * returns each refused with nothing written, replacement only after confirmation, aggregates
 * and their filters, and the Promeneur's rights (export, erasure detaching the counts).
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityFiguresInput } from '../../src/shared/api/activity';
import { lastEndedPeriod } from '../../src/shared/rules/activity';
import type { Result } from '../../src/shared/result';
import { todayInParis } from '../../src/shared/rules/dates';
import { dossierOf } from '../../src/main/services/rights/dossier';
import { erasePerson } from '../../src/main/services/rights/erase';
import { createTestVault, type TestVault } from '../support/vault';
import { loadWorkbook } from '../support/workbooks';

const TODAY = todayInParis();
const PERIOD = lastEndedPeriod('trimestrielle', TODAY);
const BEFORE = lastEndedPeriod('trimestrielle', PERIOD.start);

let vault: TestVault;
const ids = { val: 0, port: 0, ines: 0, yanis: 0, lea: 0, paul: 0, odile: 0 };

const conn = () => vault.session.vault.connection;
const rows = <T>(sql: string, ...params: unknown[]) =>
  conn()
    .prepare(sql)
    .all(...params) as T[];

/** Every table's row count: equal before and after means nothing was written. */
function rowCounts(): Record<string, number> {
  const tables = rows<{ name: string }>(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [t, rows<{ n: number }>(`select count(*) as n from "${t}"`)[0]!.n]),
  );
}

const structure = async (name: string, type: 'centre_social' | 'mjc', territory: string) =>
  (
    await vault.value('structures.create', {
      fields: { name, type, legalForm: 'association', networkStatus: 'dans_le_reseau', territory },
    })
  ).id;

const promeneur = async (
  firstName: string,
  lastName: string,
  structureId: number,
  status: 'actif' | 'en_preparation',
  statusSince: string,
) =>
  (
    await vault.value('promeneurs.create', {
      fields: {
        firstName,
        lastName,
        job: 'animateur',
        structureId,
        status,
        statusSince,
        email: `${firstName
          .toLowerCase()
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')}@pdn.example`,
      },
    })
  ).id;

beforeEach(async () => {
  vault = await createTestVault();
  ids.val = await structure('Centre social du Val', 'centre_social', 'CC du Val');
  ids.port = await structure('MJC du Port', 'mjc', 'CA du Port');
  ids.ines = await promeneur('Inès', 'Garnier', ids.val, 'actif', '2025-01-06');
  ids.yanis = await promeneur('Yanis', 'Benali', ids.port, 'actif', '2025-01-06');
  // Not yet active during the period: owes nothing for it.
  ids.lea = await promeneur('Léa', 'Morel', ids.val, 'en_preparation', PERIOD.end);
  // Started after the period.
  ids.paul = await promeneur('Paul', 'Roux', ids.port, 'actif', TODAY);
  // Active at the start of the period, suspended during it: owes its figures.
  ids.odile = await promeneur('Odile', 'Fabre', ids.port, 'actif', '2025-01-06');
  const suspend = await vault.value('promeneurs.get', { id: ids.odile });
  await vault.value('promeneurs.update', {
    id: ids.odile,
    fields: {
      firstName: suspend.firstName,
      lastName: suspend.lastName,
      job: suspend.job,
      structureId: suspend.structureId,
      email: suspend.email,
      status: 'suspendu',
      statusSince: PERIOD.start.replace(/-01$/, '-20'),
    },
  });
});
afterEach(() => vault.cleanup());

const lists = () => vault.value('activity.lists', {});
const channelId = async (label: string) =>
  (await lists()).channels.find((c) => c.label === label)!.id;
const themeId = async (label: string) => (await lists()).themes.find((c) => c.label === label)!.id;

const figures = (f: Partial<ActivityFiguresInput> = {}): ActivityFiguresInput => ({
  youngContacted: 40,
  youngMet: 6,
  projectsStarted: 2,
  exchanges: 95,
  concernsReferred: 1,
  hoursOnline: 31.5,
  ...f,
});

describe('the lists of channels and themes', () => {
  it('start with the usual values, in order', async () => {
    const { channels, themes } = await lists();
    expect(channels.map((c) => c.label)).toEqual([
      'E-mail',
      'Messenger',
      'Snapchat',
      'WhatsApp',
      'Instagram',
      'TikTok',
      'YouTube',
      'X',
      'Jeux en ligne',
      'Forums',
      'Discord',
      'Twitch',
    ]);
    expect(themes[0]!.label).toBe('Psychosocial et mal-être');
    expect(themes.at(-1)!.label).toBe('Autre');
    expect(themes).toHaveLength(14);
    expect(channels.every((c) => c.uses === 0)).toBe(true);
  });

  it('add, rename (figures kept), reorder, and refuse to remove a value in use', async () => {
    const { id } = await vault.value('activity.lists.create', {
      list: 'channels',
      label: 'Reddit',
    });
    const twin = await vault.call('activity.lists.create', { list: 'channels', label: ' reddit ' });
    expect(twin.ok).toBe(false);
    if (!twin.ok)
      expect(twin.error.fields?.label).toBe(
        '« Reddit » est déjà dans la liste « Canaux d’intervention ».',
      );

    await vault.value('activity.reports.create', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
      figures: figures({ channels: [{ id, count: 3 }] }),
    });
    await vault.value('activity.lists.rename', { list: 'channels', id, label: 'Reddit et forums' });
    const report = await vault.value('activity.reports.get', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
    });
    expect(report!.figures.channels).toEqual([{ id, count: 3 }]);
    expect((await lists()).channels.find((c) => c.id === id)).toMatchObject({
      label: 'Reddit et forums',
      uses: 1,
    });

    const before = rowCounts();
    const removal = await vault.call('activity.lists.remove', { list: 'channels', id });
    expect(removal.ok).toBe(false);
    if (!removal.ok) {
      expect(removal.error.code).toBe('CONFLICT');
      expect(removal.error.message).toBe(
        'Impossible de retirer le canal « Reddit et forums » : un bilan d’activité l’utilise. Les chiffres déjà reçus en dépendent ; renommez-le plutôt si son nom ne convient plus.',
      );
    }
    expect(rowCounts()).toEqual(before);

    const themes = (await lists()).themes;
    const reversed = themes.map((t) => t.id).reverse();
    await vault.value('activity.lists.reorder', { list: 'themes', ids: reversed });
    expect((await lists()).themes.map((t) => t.id)).toEqual(reversed);
    const partial = await vault.call('activity.lists.reorder', {
      list: 'themes',
      ids: reversed.slice(1),
    });
    expect(partial.ok).toBe(false);

    const unused = themes.find((t) => t.label === 'Loisirs')!.id;
    await vault.value('activity.lists.remove', { list: 'themes', id: unused });
    expect((await lists()).themes.map((t) => t.label)).not.toContain('Loisirs');
    const log = await vault.value('history.search', { entity: 'activity' });
    expect(log.entries.map((e) => `${e.action} ${e.subject ?? ''}`)).toEqual(
      expect.arrayContaining([
        'create Canaux d’intervention : Reddit',
        'update Canaux d’intervention : Reddit et forums',
        'update Thèmes des demandes',
        'delete Thèmes des demandes : Loisirs',
      ]),
    );
  });
});

describe('entry by hand', () => {
  it('records, reads, changes and deletes a Promeneur’s figures, with the audit log', async () => {
    const snapchat = await channelId('Snapchat');
    const health = await themeId('Santé');
    const { id } = await vault.value('activity.reports.create', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
      figures: figures({
        ageBands: { age12to14: 10, age15to17: 20, age18to25: 10 },
        channels: [
          { id: snapchat, count: 25 },
          { id: await channelId('Discord'), count: 0 },
        ],
        themes: [{ id: health, count: 7 }],
        difficulties: 'Peu de réponses le week-end.',
      }),
    });
    const report = await vault.value('activity.reports.get', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
    });
    expect(report).toMatchObject({
      id,
      promeneurId: ids.ines,
      promeneurName: 'Inès Garnier',
      structure: { id: ids.val, name: 'Centre social du Val' },
      period: { key: PERIOD.key, label: PERIOD.label },
      source: 'saisie',
      figures: {
        youngContacted: 40,
        hoursOnline: 31.5,
        ageBands: { age12to14: 10, age15to17: 20, age18to25: 10 },
        // A count of zero is not kept.
        channels: [{ id: snapchat, count: 25 }],
        themes: [{ id: health, count: 7 }],
        difficulties: 'Peu de réponses le week-end.',
        partners: null,
      },
    });
    const again = await vault.call('activity.reports.create', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
      figures: figures(),
    });
    expect(again.ok || again.error.code).toBe('CONFLICT');

    await vault.value('activity.reports.update', {
      id,
      figures: figures({ youngMet: 8, ageBands: null }),
    });
    const changed = await vault.value('history.forRecord', { entity: 'activity', id });
    expect(changed[0]!.changes.map((c) => c.field)).toEqual([
      'youngMet',
      'ageBands',
      'channels',
      'themes',
      'difficulties',
    ]);
    expect(changed[0]!.changes[2]).toEqual({
      field: 'channels',
      before: ['Snapchat : 25'],
      after: [],
    });
    expect((await vault.value('activity.reports.list', { periodKey: PERIOD.key })).length).toBe(1);
    await vault.value('activity.reports.remove', { id });
    expect(
      await vault.value('activity.reports.get', { promeneurId: ids.ines, periodKey: PERIOD.key }),
    ).toBeNull();
    const log = await vault.value('history.search', { entity: 'activity', entityId: id });
    expect(log.entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(log.entries[0]!.label).toBeNull();
  });

  it('refuses totals that do not hold together, with field messages, and writes nothing', async () => {
    const before = rowCounts();
    const cases: [Partial<ActivityFiguresInput>, string, string][] = [
      [
        { youngMet: 41 },
        'figures.youngMet',
        'Les jeunes rencontrés (41) ne peuvent pas dépasser les jeunes contactés en ligne (40).',
      ],
      [
        { ageBands: { age12to14: 20, age15to17: 20, age18to25: 1 } },
        'figures.ageBands.age18to25',
        'La répartition par âge (41 jeunes) dépasse le nombre de jeunes contactés en ligne (40).',
      ],
      [{ exchanges: -2 }, 'figures.exchanges', 'Le nombre ne peut pas être négatif.'],
      [
        { hoursOnline: 2.125 },
        'figures.hoursOnline',
        'Deux décimales au plus (par exemple 12,5 ou 12,25).',
      ],
      [
        { channels: [{ id: 999, count: 1 }] },
        'figures.channels.0.id',
        'Un des canaux n’existe plus dans les paramètres.',
      ],
    ];
    for (const [wrong, field, message] of cases) {
      const result = await vault.call('activity.reports.create', {
        promeneurId: ids.ines,
        periodKey: PERIOD.key,
        figures: figures(wrong),
      });
      expect(result.ok, field).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(/^Saisie à corriger : /);
        expect(result.error.fields?.[field], field).toBe(message);
      }
    }
    // Another kind of period than the settings', a period not started yet, an unknown person.
    for (const [periodKey, promeneurId, code] of [
      [PERIOD.key.replace(/-T\d$/, '-07'), ids.ines, 'INVALID_INPUT'],
      [lastEndedPeriod('trimestrielle', '2099-01-01').key, ids.ines, 'INVALID_INPUT'],
      [PERIOD.key, 9999, 'NOT_FOUND'],
    ] as const) {
      const result = await vault.call('activity.reports.create', {
        promeneurId,
        periodKey,
        figures: figures(),
      });
      expect(result.ok || result.error.code, periodKey).toBe(code);
    }
    expect(rowCounts()).toEqual(before);
  });
});

describe('completeness and « À faire »', () => {
  it('lists who owes figures, who sent them, the e-mails of the missing, and the to-do items', async () => {
    await vault.value('activity.reports.create', {
      promeneurId: ids.yanis,
      periodKey: PERIOD.key,
      figures: figures(),
    });
    const c = await vault.value('activity.completeness', { periodKey: PERIOD.key });
    expect(c.period).toMatchObject({ key: PERIOD.key, kind: 'trimestrielle' });
    expect(c.rows.map((r) => [r.name, r.report?.source ?? 'manquant'])).toEqual([
      ['Yanis Benali', 'saisie'],
      ['Odile Fabre', 'manquant'],
      ['Inès Garnier', 'manquant'],
    ]);
    expect(c.missingEmails).toEqual(['odile@pdn.example', 'ines@pdn.example']);

    const due = (await vault.value('todo.list', { kinds: ['activity_missing'], horizonMonths: 3 }))
      .items;
    expect(due.map((i) => [i.label, i.context, i.structure?.name])).toEqual([
      [
        'Chiffres d’activité manquants : Inès Garnier',
        `Bilan ${PERIOD.label}`,
        'Centre social du Val',
      ],
      ['Chiffres d’activité manquants : Odile Fabre', `Bilan ${PERIOD.label}`, 'MJC du Port'],
    ]);
    const [ines] = due;
    expect(ines!.date > PERIOD.end).toBe(true);
    expect(ines!.link).toBe(`/activite?periode=${PERIOD.key}`);
    const byStructure = await vault.value('todo.list', {
      kinds: ['activity_missing'],
      horizonMonths: 3,
      structureId: ids.port,
    });
    expect(byStructure.items.map((i) => i.key)).toEqual([`activity:${ids.odile}:${PERIOD.key}`]);
    // Set aside: it leaves the list, and stays set aside.
    await vault.value('todo.markDone', { key: ines!.key });
    await vault.value('todo.markDone', { key: ines!.key });
    const after = await vault.value('todo.list', { kinds: ['activity_missing'], horizonMonths: 3 });
    expect(after.items.map((i) => i.key)).toEqual([`activity:${ids.odile}:${PERIOD.key}`]);
    const unknown = await vault.call('todo.markDone', { key: `activity:9999:${PERIOD.key}` });
    expect(unknown.ok || unknown.error.code).toBe('NOT_FOUND');
  });
});

/* ---- templates ---------------------------------------------------------------------------- */

const templates = async (periodKey = PERIOD.key, promeneurId: number | null = null) =>
  vault.value('activity.templates', { periodKey, promeneurId });

/** Types values into a template as a Promeneur does: next to their label, in the unlocked cells. */
async function fillIn(
  bytes: Uint8Array,
  values: Record<string, ExcelJS.CellValue>,
  alter?: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const book = await loadWorkbook(bytes);
  const sheet = book.getWorksheet('Bilan d’activité')!;
  const seen = new Set<string>();
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label !== 'string' || !(label in values)) return;
    const cell = row.getCell(2);
    expect(cell.protection?.locked, label).toBe(false);
    cell.value = values[label]!;
    seen.add(label);
  });
  expect([...seen].sort()).toEqual(Object.keys(values).sort());
  alter?.(sheet, book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64');

/** One file previewed alone (a selection of one): the call's result, its one answer inside. */
const preview = (content: Uint8Array | Buffer, periodKey = PERIOD.key, fileName = 'retour.xlsx') =>
  vault.call('activity.importPreview', {
    periodKey,
    files: [{ fileName, contentBase64: b64(content) }],
  });
/** The preview of one file read alone; fails the test if the call or the file is refused. */
async function previewed(content: Uint8Array | Buffer) {
  const result = await preview(content);
  expect(result.ok || result.error.message).toBe(true);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value).toHaveLength(1);
  const [answer] = result.value;
  if (!answer?.ok) throw new Error(`refused: ${answer?.message}`);
  return answer.preview;
}
const confirm = (content: Uint8Array | Buffer, replace = false, periodKey = PERIOD.key) =>
  vault.call('activity.importConfirm', {
    periodKey,
    fileName: 'retour.xlsx',
    contentBase64: b64(content),
    replace,
  });

const INES = {
  'Jeunes contactés en ligne': 52,
  'Jeunes rencontrés en présentiel après un contact en ligne': 9,
  'Projets engagés à partir de ces contacts': 3,
  'Échanges avec des jeunes (nombre)': 140,
  'Heures de présence en ligne': 38.75,
  'Situations préoccupantes transmises aux services compétents': 2,
  'Connaissez-vous la répartition par âge ?': 'Oui',
  '12 à 14 ans': 12,
  '15 à 17 ans': 25,
  '18 à 25 ans': '10', // typed as text: still a number
  Snapchat: 30,
  Instagram: 18,
  Discord: 4,
  'Psychosocial et mal-être': 11,
  Scolarité: 6,
  'Difficultés rencontrées': 'Connexion difficile au local.',
};
const YANIS = {
  'Jeunes contactés en ligne': 20,
  'Jeunes rencontrés en présentiel après un contact en ligne': 3,
  'Projets engagés à partir de ces contacts': 1,
  'Échanges avec des jeunes (nombre)': 44,
  'Heures de présence en ligne': 12.5,
  'Situations préoccupantes transmises aux services compétents': 0,
  Snapchat: 15,
  Discord: 9,
  Scolarité: 4,
  'Emploi et formation': 5,
};

describe('templates out and back', () => {
  it('makes one protected, pre-filled workbook per expected Promeneur, zipped', async () => {
    const out = await templates();
    expect(out.fileName).toBe(`bilans-activite-${PERIOD.key}.zip`);
    // By name; not Léa (not active yet during the period) nor Paul (started after it).
    expect(out.recipients.map((r) => [r.name, r.email, r.structure.name])).toEqual([
      ['Yanis Benali', 'yanis@pdn.example', 'MJC du Port'],
      ['Odile Fabre', 'odile@pdn.example', 'MJC du Port'],
      ['Inès Garnier', 'ines@pdn.example', 'Centre social du Val'],
    ]);
    const files = unzipSync(Buffer.from(out.contentBase64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(out.recipients.map((r) => r.fileName).sort());
    const ines = out.recipients.find((r) => r.promeneurId === ids.ines)!;
    expect(ines.fileName).toBe(`bilan-activite-${PERIOD.key}-garnier-ines.xlsx`);

    const book = await loadWorkbook(files[ines.fileName]!);
    const sheet = book.getWorksheet('Bilan d’activité')!;
    const text = (address: string) => String(sheet.getCell(address).value ?? '');
    expect(text('B3')).toBe('Inès Garnier');
    expect(text('B4')).toBe('Centre social du Val');
    expect(text('B5')).toContain(PERIOD.label);
    expect((sheet as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({
      sheet: true,
    });
    // The identity is locked; input cells are not, and carry their validation.
    expect(sheet.getCell('B3').protection?.locked).not.toBe(false);
    let inputs = 0;
    const kinds = new Set<string>();
    sheet.eachRow((row) => {
      const cell = row.getCell(2);
      if (cell.protection?.locked === false) {
        inputs += 1;
        kinds.add(cell.dataValidation?.type ?? 'none');
      }
    });
    expect(inputs).toBe(6 + 4 + 12 + 14 + 5);
    expect([...kinds].sort()).toEqual(['decimal', 'list', 'textLength', 'whole']);
    const hidden = book.getWorksheet('balise')!;
    expect(hidden.state).toBe('veryHidden');
    expect(hidden.getCell('B2').value).toBe(ids.ines);
    expect(hidden.getCell('B3').value).toBe(PERIOD.key);

    // One Promeneur alone: a single .xlsx, even one who owes nothing for the period.
    const one = await templates(PERIOD.key, ids.paul);
    expect(one.fileName).toBe(`bilan-activite-${PERIOD.key}-roux-paul.xlsx`);
    expect(Buffer.from(one.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('round trip: filled templates come back and the aggregates equal what was written', async () => {
    const out = await templates();
    const files = unzipSync(Buffer.from(out.contentBase64, 'base64'));
    const fileOf = (id: number) =>
      files[out.recipients.find((r) => r.promeneurId === id)!.fileName]!;
    const inesFile = await fillIn(fileOf(ids.ines), INES);
    const yanisFile = await fillIn(fileOf(ids.yanis), YANIS);

    const seen = await previewed(inesFile);
    expect(seen).toMatchObject({
      promeneur: { id: ids.ines, name: 'Inès Garnier', structure: 'Centre social du Val' },
      period: { key: PERIOD.key },
      errors: [],
      existing: null,
      figures: {
        youngContacted: 52,
        hoursOnline: 38.75,
        ageBands: { age12to14: 12, age15to17: 25, age18to25: 10 },
        difficulties: 'Connexion difficile au local.',
      },
    });
    expect(await confirm(inesFile)).toEqual({
      ok: true,
      value: { id: expect.any(Number), replaced: false },
    });
    expect((await confirm(yanisFile)).ok).toBe(true);

    const report = await vault.value('activity.reports.get', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
    });
    expect(report).toMatchObject({ source: 'import', fileName: 'retour.xlsx' });

    const all = await vault.value('activity.aggregates', {});
    expect(all.totals).toEqual({
      reports: 2,
      promeneurs: 2,
      youngContacted: 72,
      youngMet: 12,
      projectsStarted: 4,
      exchanges: 184,
      concernsReferred: 2,
      hoursOnline: 51.25,
      ageBands: { reports: 1, age12to14: 12, age15to17: 25, age18to25: 10 },
    });
    const count = (list: { label: string; count: number }[], label: string) =>
      list.find((v) => v.label === label)!.count;
    expect(count(all.byChannel, 'Snapchat')).toBe(45);
    expect(count(all.byChannel, 'Discord')).toBe(13);
    expect(count(all.byChannel, 'Instagram')).toBe(18);
    expect(count(all.byChannel, 'TikTok')).toBe(0);
    expect(count(all.byTheme, 'Scolarité')).toBe(10);
    expect(count(all.byTheme, 'Emploi et formation')).toBe(5);
    expect(count(all.byTheme, 'Psychosocial et mal-être')).toBe(11);
    expect(all.byPeriod.map((p) => [p.period.key, p.youngContacted])).toEqual([[PERIOD.key, 72]]);
    expect(all.byStructure.map((s) => [s.name, s.youngContacted, s.hoursOnline])).toEqual([
      ['Centre social du Val', 52, 38.75],
      ['MJC du Port', 20, 12.5],
    ]);
    expect(all.byTerritory.map((t) => [t.territory, t.exchanges])).toEqual([
      ['CA du Port', 44],
      ['CC du Val', 140],
    ]);
    expect(all.territories).toEqual(['CA du Port', 'CC du Val']);

    const c = await vault.value('activity.completeness', { periodKey: PERIOD.key });
    expect(c.rows.filter((r) => r.report).map((r) => [r.name, r.report!.source])).toEqual([
      ['Yanis Benali', 'import'],
      ['Inès Garnier', 'import'],
    ]);
    expect(c.missingEmails).toEqual(['odile@pdn.example']);
  });

  it('re-importing replaces the figures only once the coordinator confirmed', async () => {
    const { contentBase64 } = await templates(PERIOD.key, ids.ines);
    const blank = Buffer.from(contentBase64, 'base64');
    await vault.value('activity.reports.create', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
      figures: figures(),
    });
    const file = await fillIn(blank, INES);
    const seen = await previewed(file);
    expect(seen.existing?.source).toBe('saisie');
    const before = rowCounts();
    const refused = await confirm(file);
    expect(refused.ok || refused.error.code).toBe('CONFLICT');
    if (!refused.ok)
      expect(refused.error.message).toBe(
        `Les chiffres de Inès Garnier pour « ${PERIOD.label} » sont déjà enregistrés : confirmez leur remplacement pour importer ce fichier.`,
      );
    expect(rowCounts()).toEqual(before);
    expect(await confirm(file, true)).toMatchObject({ ok: true, value: { replaced: true } });
    const report = await vault.value('activity.reports.get', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
    });
    expect(report?.figures.youngContacted).toBe(52);
    expect(report?.source).toBe('import');
  });

  // 16 files, each read twice in its own contained process: slow on a busy 2-core machine.
  it('refuses every malformed return with a clear message, writes nothing, and stays alive', async () => {
    const blank = Buffer.from((await templates(PERIOD.key, ids.ines)).contentBase64, 'base64');
    const good = await fillIn(blank, INES);
    const other = await fillIn(
      Buffer.from((await templates(BEFORE.key, ids.ines)).contentBase64, 'base64'),
      INES,
    );
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Feuil1').getCell('A1').value = 'Jeunes contactés';
    plain.getWorksheet('Feuil1')!.getCell('B1').value = 12;
    const foreign = Buffer.from(await plain.xlsx.writeBuffer());
    const inserted = await fillIn(blank, INES, (sheet) =>
      sheet.spliceRows(16, 0, ['Une ligne ajoutée']),
    );
    const deleted = await fillIn(blank, INES, (sheet) => sheet.spliceRows(20, 1));
    const renamed = await fillIn(blank, INES, (_sheet, book) => {
      book.getWorksheet('balise')!.getCell('B2').value = 424242;
    });
    const olderVersion = await fillIn(blank, INES, (_sheet, book) => {
      book.getWorksheet('balise')!.getCell('B1').value = 0;
    });
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'),
      Buffer.alloc(2000, 7),
    ]);
    const huge = Buffer.concat([good, Buffer.alloc(2 * 1024 * 1024, 1)]);
    const unfilled = blank;

    const refused: [string, Buffer, RegExp][] = [
      ['empty file', Buffer.alloc(0), /^Le fichier est vide\.$/],
      ['renamed PDF', pdf, /PDF renommé/],
      ['CSV', Buffer.from('Jeunes contactés;12\n'), /n’est pas un classeur Excel/],
      ['random workbook', foreign, /n’est pas un modèle de bilan d’activité produit par Balise/],
      [
        'row inserted',
        inserted,
        /La mise en page du modèle a été modifiée : la cellule A\d+ devrait contenir/,
      ],
      ['row deleted', deleted, /La mise en page du modèle a été modifiée/],
      [
        'another period',
        other,
        new RegExp(`concerne « ${BEFORE.label} », pas « ${PERIOD.label} »`),
      ],
      ['another Promeneur', renamed, /n’est pas \(ou plus\) dans ce coffre/],
      ['older template', olderVersion, /autre version de Balise/],
      ['huge file', huge, /trop volumineux/],
      ['not filled in', unfilled, /n’a pas été rempli/],
      ['truncated', good.subarray(0, Math.floor(good.length / 2)), /abîmé/],
    ];
    // Too big to be sent: the preview refuses it with the call's input, as the import does.
    const tooBigToSend = new Set(['huge file']);
    for (const [name, bytes, message] of refused) {
      const before = rowCounts();
      const seen = await preview(bytes);
      const results: Result<unknown>[] = [await confirm(bytes, true)];
      if (tooBigToSend.has(name)) results.push(seen);
      else {
        // Any other refusal is said in the file's answer.
        expect(seen.ok && seen.value, name).toEqual([
          { ok: false, fileName: 'retour.xlsx', message: expect.stringMatching(message) },
        ]);
        if (seen.ok && seen.value[0]?.ok === false)
          expect(seen.value[0].message.length, name).toBeLessThan(400);
      }
      for (const result of results) {
        expect(result.ok, name).toBe(false);
        if (!result.ok) {
          expect(result.error.code, name).toBe('INVALID_INPUT');
          expect(result.error.message, name).toMatch(message);
          expect(result.error.message.length, name).toBeLessThan(400);
        }
      }
      expect(rowCounts(), name).toEqual(before);
      expect((await vault.call('vault.status', {})).ok, name).toBe(true);
    }
  }, 120_000);

  it('shows wrong cells one by one, in French, and imports nothing from them', async () => {
    const blank = Buffer.from((await templates(PERIOD.key, ids.ines)).contentBase64, 'base64');
    const wrong = await fillIn(blank, {
      ...INES,
      'Jeunes rencontrés en présentiel après un contact en ligne': 'douze',
      'Échanges avec des jeunes (nombre)': -4,
      'Heures de présence en ligne': 3.141,
      Snapchat: 12.5,
      'Connaissez-vous la répartition par âge ?': 'Non',
    });
    const seen = await previewed(wrong);
    expect(seen.figures).toBeNull();
    expect(seen.errors).toEqual([
      expect.stringMatching(
        /^Cellule B\d+ \(Jeunes rencontrés en présentiel après un contact en ligne\) : « douze » n’est pas un nombre\./,
      ),
      expect.stringMatching(
        /^Cellule B\d+ \(Échanges avec des jeunes \(nombre\)\) : Le nombre ne peut pas être négatif\.$/,
      ),
      expect.stringMatching(
        /^Cellule B\d+ \(Heures de présence en ligne\) : Deux décimales au plus/,
      ),
      expect.stringMatching(
        /^Cellule B\d+ \(12 à 14 ans\) : la répartition par âge est indiquée comme inconnue/,
      ),
      expect.stringMatching(/^Cellule B\d+ \(15 à 17 ans\) :/),
      expect.stringMatching(/^Cellule B\d+ \(18 à 25 ans\) :/),
      expect.stringMatching(/^Cellule B\d+ \(Snapchat\) : Nombre entier attendu/),
    ]);
    const before = rowCounts();
    const result = await confirm(wrong);
    expect(result.ok || result.error.code).toBe('INVALID_INPUT');
    if (!result.ok)
      expect(result.error.message).toMatch(
        /^Ce fichier a 7 cellules à corriger : rien n’a été importé\. Cellule B/,
      );
    expect(rowCounts()).toEqual(before);

    // Each value fine alone, the totals not: met in person more than contacted.
    const tooMany = await fillIn(blank, {
      ...INES,
      'Jeunes rencontrés en présentiel après un contact en ligne': 60,
    });
    const checked = await previewed(tooMany);
    expect(checked.errors).toEqual([
      expect.stringMatching(
        /^Cellule B\d+ \(Jeunes rencontrés en présentiel après un contact en ligne\) : Les jeunes rencontrés \(60\) ne peuvent pas dépasser les jeunes contactés en ligne \(52\)\.$/,
      ),
    ]);
  });
});

describe('aggregates', () => {
  it('filter by dates, structure, structure type and territory, summed in SQL', async () => {
    await vault.value('settings.update', { activityPeriod: 'trimestrielle' });
    await vault.value('activity.reports.create', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
      figures: figures({ youngContacted: 10, youngMet: 1 }),
    });
    await vault.value('activity.reports.create', {
      promeneurId: ids.ines,
      periodKey: BEFORE.key,
      figures: figures({ youngContacted: 7, youngMet: 1 }),
    });
    await vault.value('activity.reports.create', {
      promeneurId: ids.yanis,
      periodKey: PERIOD.key,
      figures: figures({ youngContacted: 5, youngMet: 2 }),
    });
    const contacted = async (filter: Parameters<typeof vault.value<'activity.aggregates'>>[1]) =>
      (await vault.value('activity.aggregates', filter)).totals.youngContacted;
    expect(await contacted({})).toBe(22);
    expect(await contacted({ from: PERIOD.start })).toBe(15);
    expect(await contacted({ to: BEFORE.end })).toBe(7);
    // A period only partly inside the range does not count.
    expect(await contacted({ from: PERIOD.start, to: PERIOD.end.replace(/-\d\d$/, '-15') })).toBe(
      0,
    );
    expect(await contacted({ structureId: ids.port })).toBe(5);
    expect(await contacted({ structureType: 'centre_social' })).toBe(17);
    expect(await contacted({ territory: 'CA du Port' })).toBe(5);
    const periods = (await vault.value('activity.aggregates', {})).byPeriod;
    expect(periods.map((p) => [p.period.label, p.reports, p.youngContacted])).toEqual([
      [BEFORE.label, 1, 7],
      [PERIOD.label, 2, 15],
    ]);
    const wrong = await vault.call('activity.aggregates', { from: PERIOD.end, to: PERIOD.start });
    expect(wrong.ok || wrong.error.fields?.to).toBe('La fin de la période précède son début.');
  });

  it('follow the reporting period set in the settings', async () => {
    await vault.value('settings.update', { activityPeriod: 'mensuelle' });
    const month = lastEndedPeriod('mensuelle', TODAY);
    await vault.value('activity.reports.create', {
      promeneurId: ids.ines,
      periodKey: month.key,
      figures: figures(),
    });
    const quarter = await vault.call('activity.reports.create', {
      promeneurId: ids.yanis,
      periodKey: PERIOD.key,
      figures: figures(),
    });
    expect(quarter.ok).toBe(false);
    if (!quarter.ok) expect(quarter.error.message).toMatch(/la collecte est mensuelle/);
    const due = await vault.value('todo.list', { kinds: ['activity_missing'], horizonMonths: 3 });
    // Only Yanis owes that month: Inès sent hers, Odile was suspended, the others not active.
    expect(due.items.map((i) => [i.label, i.context])).toEqual([
      ['Chiffres d’activité manquants : Yanis Benali', `Bilan ${month.label}`],
    ]);
  });
});

describe('personal data rights', () => {
  it('exports a Promeneur’s figures; erasing keeps the counts, detached, and deletes the texts', async () => {
    const { id } = await vault.value('activity.reports.create', {
      promeneurId: ids.ines,
      periodKey: PERIOD.key,
      figures: figures({
        difficulties: 'Mes horaires du mardi ne conviennent pas.',
        trainingWishes: 'Formation sur Discord.',
      }),
    });
    await vault.value('activity.reports.update', {
      id,
      figures: figures({ difficulties: 'Mes horaires du jeudi non plus.' }),
    });
    const dossier = await dossierOf(vault.session.db, { kind: 'promeneur', id: ids.ines });
    const section = dossier.sections.find((s) => s.title === 'Chiffres d’activité')!;
    expect(section.rows).toEqual([
      expect.objectContaining({
        period: PERIOD.label,
        structure: 'Centre social du Val',
        youngContacted: 40,
        hoursOnline: 31.5,
        difficulties: 'Mes horaires du jeudi non plus.',
        source: 'Saisie',
      }),
    ]);
    const totals = (await vault.value('activity.aggregates', {})).totals;

    const { erased } = await erasePerson(
      vault.session.db,
      { kind: 'promeneur', id: ids.ines },
      'Inès Garnier',
    );
    expect(erased).toContain('1 bilan d’activité détaché (chiffres gardés, textes effacés)');
    expect(
      rows(
        'select promeneur_id, structure_id, young_contacted, difficulties, training_wishes, partners from activity_reports',
      ),
    ).toEqual([
      {
        promeneur_id: null,
        structure_id: ids.val,
        young_contacted: 40,
        difficulties: null,
        training_wishes: null,
        partners: null,
      },
    ]);
    const after = (await vault.value('activity.aggregates', {})).totals;
    expect(after).toEqual({ ...totals, promeneurs: 0 });
    const audit = rows<{ changes: string }>(
      `select changes from audit_log where entity = 'activity' and entity_id = ?`,
      id,
    )
      .map((r) => r.changes)
      .join('\n');
    expect(audit).not.toMatch(/horaires|Discord\./);
    expect(audit).toContain('"youngContacted"');
    const label = (await vault.value('history.search', { entity: 'activity', entityId: id }))
      .entries[0]!.label;
    expect(label).toBe(`Chiffres d’activité : Promeneur effacé, ${PERIOD.label}`);
  });
});
