/**
 * The rights of the people in the vault: find them, export all the vault holds about them
 * (JSON and Excel), erase them (every table, the audit log keeping no value, nothing left in
 * the file once decrypted page by page), the retention proposals and the processing record.
 */
import { createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../src/shared/api/rights';
import { unwrapWithPassphrase, type KeyFile } from '../../src/main/vault/keys';
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../support/vault';
import { loadWorkbook } from '../support/workbooks';

let vault: TestVault;
const ids = { structure: 0, zelie: 0, gaston: 0, event: 0, entry: 0 };
const ZELIE = 'Zélie Marchepiedqx';
const GASTON = 'Gaston Témoinqx';
const OCTAVE = 'Octave Brissacqx';
const HORTENSE = 'Hortense Quincampoixqx';

const conn = () => vault.session.vault.connection;
const count = (sql: string, ...params: unknown[]) =>
  (
    conn()
      .prepare(sql)
      .get(...params) as { n: number }
  ).n;
/** Every audit row as text, to look for a name anywhere in it. */
const auditText = () =>
  (
    conn().prepare('select subject, changes from audit_log').all() as {
      subject: string | null;
      changes: string;
    }[]
  )
    .map((r) => `${r.subject ?? ''} ${r.changes}`)
    .join('\n');

beforeAll(async () => {
  vault = await createTestVault();
  await vault.value('settings.update', { departmentName: 'Val-de-Quille' });
  ids.structure = (
    await vault.value('structures.create', {
      fields: {
        name: 'MJC des Glycines',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
        representativeName: HORTENSE,
        representativeTitle: 'Présidente',
        charterSignatory: HORTENSE,
        charterSignedOn: '2025-02-03',
      },
    })
  ).id;
  ids.zelie = (
    await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Zélie',
        lastName: 'Marchepiedqx',
        job: 'animateur',
        structureId: ids.structure,
        email: 'zelie.mq@glycines.example',
        phone: '06 12 34 56 78',
        startDate: '2024-09-01',
        status: 'actif',
        statusSince: '2024-09-01',
        profiles: [{ platform: 'instagram', name: 'zelie_mjc_qx' }],
        dutySlots: [{ weekday: 3, start: '14:00', end: '17:00' }],
        notes: '=HYPERLINK("http://example.invalid")',
      },
    })
  ).id;
  ids.gaston = (
    await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Gaston',
        lastName: 'Témoinqx',
        job: 'educateur',
        structureId: ids.structure,
        status: 'actif',
      },
    })
  ).id;
  // A change, so that Zélie's history holds old and new values.
  const zelie = await vault.value('promeneurs.get', { id: ids.zelie });
  await vault.value('promeneurs.update', {
    id: ids.zelie,
    fields: { ...zelie, phone: '07 98 76 54 32', statusSince: null },
  });
  ids.event = (
    await vault.value('calendar.create', {
      fields: {
        type: 'formation',
        title: 'Formation éthique',
        start: '2026-03-12T09:00',
        end: '2026-03-12T12:00',
      },
    })
  ).id;
  await vault.value('calendar.invite', {
    eventId: ids.event,
    promeneurIds: [ids.zelie, ids.gaston],
    staff: [{ structureId: ids.structure, name: OCTAVE, email: 'octave@glycines.example' }],
  });
  const invited = await vault.value('calendar.get', { id: ids.event });
  await vault.value('calendar.attendance', {
    eventId: ids.event,
    marks: invited.invitees.map((i) => ({ inviteeId: i.id, attendance: 'present' as const })),
  });
  ids.entry = (
    await vault.value('journal.create', {
      fields: {
        date: '2026-04-02',
        kind: 'accompagnement_pdn',
        channel: 'telephone',
        durationMinutes: 30,
        summary: `Point avec ${ZELIE} et ${GASTON} sur les permanences`,
        promeneurIds: [ids.zelie, ids.gaston],
      },
    })
  ).id;
});
afterAll(() => vault.cleanup());

describe('finding people', () => {
  it('finds Promeneurs, guests and structure contacts, with where they appear', async () => {
    const people = await vault.value('rights.people', { search: 'qx' });
    console.log(`rights.people: ${people.length} people found for « qx »`);
    expect(people.map((p) => [p.person.kind, p.name])).toEqual([
      ['promeneur', ZELIE],
      ['promeneur', GASTON],
      ['guest', OCTAVE],
      ['contact', HORTENSE],
    ]);
    const zelie = people[0]!;
    expect(zelie.appearances).toEqual(
      expect.arrayContaining(['1 profil professionnel', 'Invité à 1 évènement']),
    );
    expect(people[3]!.appearances).toEqual([
      'Représentant légal de MJC des Glycines',
      'Signataire de la charte de MJC des Glycines',
    ]);
    // Accents and case are ignored.
    expect((await vault.value('rights.people', { search: 'zelie MARCHEPIED' })).length).toBe(1);
    expect(await vault.value('rights.people', { search: 'personne de ce nom' })).toEqual([]);
  });
});

describe('export', () => {
  it('exports everything about a Promeneur as JSON, with French labels', async () => {
    const file = await vault.value('rights.export', {
      person: { kind: 'promeneur', id: ids.zelie },
      format: 'json',
    });
    expect(file.fileName).toMatch(/^donnees-zelie-marchepiedqx-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as {
      personne: string;
      données: Record<string, Record<string, unknown>[]>;
    };
    console.log(
      `rights.export json: ${file.contentBase64.length} base64 chars, sections ${Object.keys(data.données).join(', ')}`,
    );
    expect(data.personne).toBe(ZELIE);
    expect(Object.keys(data.données)).toEqual([
      'Fiche',
      'Profils',
      'Permanences',
      'Historique du statut',
      'Évènements',
      'Chiffres d’activité',
      'Journal d’activité',
      'Journal des modifications',
    ]);
    expect(data.données.Fiche![0]).toMatchObject({
      Prénom: 'Zélie',
      Métier: 'Animateur',
      'Structure employeuse': 'MJC des Glycines',
      'Téléphone professionnel': '+33798765432',
    });
    expect(data.données.Profils).toEqual([
      { Plateforme: 'Instagram', 'Nom du profil': 'zelie_mjc_qx', Adresse: null },
    ]);
    expect(data.données.Permanences).toEqual([{ Jour: 'Mercredi', Début: '14:00', Fin: '17:00' }]);
    expect(data.données['Évènements']![0]).toMatchObject({
      Évènement: 'Formation éthique',
      Présence: 'Présent',
    });
    expect(data.données['Journal d’activité']).toHaveLength(1);
    // The audit entries of the record, the old phone among them.
    const audit = data.données['Journal des modifications']!;
    expect(audit.some((r) => r['Ancienne valeur'] === '+33612345678')).toBe(true);
  });

  it('exports an Excel workbook: one sheet per kind, real dates, bold frozen header, no formula', async () => {
    const file = await vault.value('rights.export', {
      person: { kind: 'promeneur', id: ids.zelie },
      format: 'xlsx',
    });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const workbook = await loadWorkbook(file.contentBase64);
    const names = workbook.worksheets.map((w) => w.name);
    console.log(
      `rights.export xlsx: ${file.contentBase64.length} base64 chars, sheets ${names.join(', ')}`,
    );
    expect(names).toEqual([
      'Fiche',
      'Profils',
      'Permanences',
      'Historique du statut',
      'Évènements',
      'Chiffres d’activité',
      'Journal d’activité',
      'Journal des modifications',
    ]);
    const sheet = workbook.getWorksheet('Fiche')!;
    const header = sheet.getRow(1);
    expect(header.font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const col = (label: string) => (header.values as unknown[]).findIndex((v) => v === label);
    const row = sheet.getRow(2);
    expect(row.getCell(col('Prénom')).value).toBe('Zélie');
    const start = row.getCell(col('Entrée dans le dispositif le')).value;
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString().slice(0, 10)).toBe('2024-09-01');
    // A note that would run as a formula is neutralised; a +33 number stays readable.
    expect(row.getCell(col('Notes')).value).toBe('\'=HYPERLINK("http://example.invalid")');
    expect(row.getCell(col('Téléphone professionnel')).value).toBe('+33798765432');
    const events = workbook.getWorksheet('Évènements')!;
    expect(events.getRow(2).getCell(1).value).toBe('Formation éthique');
    expect(events.getRow(2).getCell(3).value).toBeInstanceOf(Date);
  });

  it('exports a guest and a structure contact', async () => {
    const guest = await vault.value('rights.export', {
      person: { kind: 'guest', name: OCTAVE, email: 'octave@glycines.example' },
      format: 'json',
    });
    const g = JSON.parse(Buffer.from(guest.contentBase64, 'base64').toString('utf8')) as {
      données: Record<string, Record<string, unknown>[]>;
    };
    expect(g.données['Évènements']![0]).toMatchObject({
      'Invité en tant que': 'Équipe d’une structure',
      'Structure ou organisation': 'MJC des Glycines',
      Présence: 'Présent',
    });
    const contact = await vault.value('rights.export', {
      person: { kind: 'contact', name: HORTENSE },
      format: 'json',
    });
    const c = JSON.parse(Buffer.from(contact.contentBase64, 'base64').toString('utf8')) as {
      données: Record<string, Record<string, unknown>[]>;
    };
    expect(c.données.Structures![0]).toMatchObject({
      Structure: 'MJC des Glycines',
      Rôle: 'Représentant légal et Signataire de la charte',
      'Qualité du représentant légal': 'Présidente',
    });
  });

  it('refuses someone who is not in the vault', async () => {
    const result = await vault.call('rights.export', {
      person: { kind: 'promeneur', id: 9999 },
      format: 'json',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });
});

/** The database file decrypted page by page (SQLCipher 4: AES-256-CBC, IV in each page's reserve). */
function decryptedPages(file: string, key: Buffer): Buffer {
  const bytes = readFileSync(file);
  const pageSize = 4096;
  const reserve = 80;
  const pages: Buffer[] = [];
  for (let offset = 0; offset + pageSize <= bytes.length; offset += pageSize) {
    const page = bytes.subarray(offset, offset + pageSize);
    const start = offset === 0 ? 16 : 0;
    const iv = page.subarray(pageSize - reserve, pageSize - reserve + 16);
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    pages.push(decipher.update(page.subarray(start, pageSize - reserve)), decipher.final());
  }
  return Buffer.concat(pages);
}

describe('erasure', () => {
  it('refuses an erasure without the name typed back, and changes nothing', async () => {
    const before = count('select count(*) as n from promeneurs');
    for (const confirm of ['', 'Zélie', 'Gaston Témoinqx']) {
      const result = await vault.call('rights.erase', {
        person: { kind: 'promeneur', id: ids.zelie },
        confirm,
      });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toContain('Zélie Marchepiedqx');
      }
    }
    expect(count('select count(*) as n from promeneurs')).toBe(before);
  });

  it('erases a Promeneur from every table; the log keeps the erasure, not the values', async () => {
    const person: PersonRef = { kind: 'promeneur', id: ids.zelie };
    const { erased } = await vault.value('rights.erase', {
      person,
      confirm: ' zélie   marchepiedqx ',
    });
    console.log(`rights.erase promeneur: ${erased.join(', ')}`);
    expect(erased).toEqual(
      expect.arrayContaining(['1 profil', '1 permanence', '1 invitation à un évènement']),
    );
    expect(count('select count(*) as n from promeneurs where id = ?', ids.zelie)).toBe(0);
    for (const table of ['promeneur_profiles', 'duty_slots', 'event_invitees', 'journal_links'])
      expect(
        count(`select count(*) as n from ${table} where promeneur_id = ?`, ids.zelie),
        table,
      ).toBe(0);
    expect(
      count(
        `select count(*) as n from status_history where entity = 'promeneur' and entity_id = ?`,
        ids.zelie,
      ),
    ).toBe(0);
    // Gaston's data is untouched.
    expect(
      count('select count(*) as n from event_invitees where promeneur_id = ?', ids.gaston),
    ).toBe(1);
    expect(
      count('select count(*) as n from journal_links where promeneur_id = ?', ids.gaston),
    ).toBe(1);
    // The journal's text no longer names her.
    const entry = conn()
      .prepare('select summary from journal_entries where id = ?')
      .get(ids.entry) as {
      summary: string;
    };
    expect(entry.summary).toBe(`Point avec [nom effacé] et ${GASTON} sur les permanences`);

    const history = await vault.value('history.forRecord', { entity: 'promeneur', id: ids.zelie });
    expect(history.map((h) => h.action)).toEqual(['erase', 'update', 'create']);
    expect(history.filter((h) => h.action === 'erase')).toHaveLength(1);
    expect(history[0]!.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'email', 'profiles', 'invitations']),
    );
    for (const h of history)
      for (const c of h.changes) {
        expect(c.before).toBeNull();
        expect(c.after).toBeNull();
      }
    // Earlier entries keep their field names and dates.
    expect(history[1]!.changes.map((c) => c.field)).toContain('phone');
    const text = auditText();
    for (const value of ['Zélie', 'Marchepiedqx', 'zelie.mq', '+33612345678', 'zelie_mjc_qx'])
      expect(text, value).not.toContain(value);
    expect(text).toContain(GASTON);
  });

  it('erases a guest’s invitations and a structure contact’s fields', async () => {
    const wrong = await vault.call('rights.erase', {
      person: { kind: 'guest', name: OCTAVE, email: 'octave@glycines.example' },
      confirm: 'Octave',
    });
    expect(wrong.ok).toBe(false);
    const guest = await vault.value('rights.erase', {
      person: { kind: 'guest', name: OCTAVE, email: 'octave@glycines.example' },
      confirm: OCTAVE,
    });
    console.log(`rights.erase guest: ${guest.erased.join(', ')}`);
    expect(count('select count(*) as n from event_invitees where name = ?', OCTAVE)).toBe(0);
    expect(count(`select count(*) as n from event_invitees where kind = 'structure'`)).toBe(0);
    const event = await vault.value('calendar.get', { id: ids.event });
    expect(event.invitees.map((i) => i.name)).toEqual([GASTON]);

    const contact = await vault.value('rights.erase', {
      person: { kind: 'contact', name: HORTENSE },
      confirm: HORTENSE,
    });
    console.log(`rights.erase contact: ${contact.erased.join(', ')}`);
    const structure = await vault.value('structures.get', { id: ids.structure });
    expect(structure).toMatchObject({
      name: 'MJC des Glycines',
      representativeName: null,
      representativeTitle: null,
      charterSignatory: null,
      charterSignedOn: '2025-02-03',
    });
    expect(await vault.value('structures.list', { search: 'Quincampoixqx' })).toEqual([]);
    const erasures = (await vault.value('history.search', { action: 'erase' })).entries.map((e) => [
      e.entity,
      e.changes.every((c) => c.before === null && c.after === null),
    ]);
    expect(erasures).toEqual([
      ['structure', true],
      ['event', true],
      ['promeneur', true],
    ]);
    const text = auditText();
    for (const value of [OCTAVE, 'Octave', 'octave@glycines', HORTENSE, 'Quincampoixqx'])
      expect(text, value).not.toContain(value);
    expect(await vault.value('rights.people', { search: 'qx' })).toEqual([
      expect.objectContaining({ name: GASTON }),
    ]);
  });

  it('leaves no erased name in the database file, even decrypted page by page', async () => {
    const keyFile = JSON.parse(readFileSync(vault.session.vault.keyFile, 'utf8')) as KeyFile;
    const key = await unwrapWithPassphrase(keyFile, TEST_PASSPHRASE);
    expect(key).not.toBeNull();
    await vault.session.lock();
    const raw = readFileSync(vault.session.vault.dbFile);
    const clear = decryptedPages(vault.session.vault.dbFile, key!);
    // The decryption is right: the schema and the Promeneur kept are readable.
    expect(clear.includes(Buffer.from('CREATE TABLE'))).toBe(true);
    expect(clear.includes(Buffer.from('Témoinqx'))).toBe(true);
    const names = ['Marchepiedqx', 'zelie_mjc_qx', 'zelie.mq', 'Brissacqx', 'Quincampoixqx'];
    const found = names.filter(
      (n) => raw.includes(Buffer.from(n)) || clear.includes(Buffer.from(n)),
    );
    console.log(
      `rights.erase file scan: ${raw.length} bytes, ${raw.length / 4096} pages decrypted, ${found.length} of ${names.length} erased names found`,
    );
    expect(found).toEqual([]);
    await vault.session.vault.unlock(TEST_PASSPHRASE);
  });
});

describe('retention and the processing record', () => {
  it('proposes the Promeneurs out of the network for longer than the setting', async () => {
    const add = async (firstName: string, status: 'sorti' | 'exclu' | 'actif', since: string) =>
      (
        await vault.value('promeneurs.create', {
          fields: {
            firstName,
            lastName: 'Rétention',
            job: 'animateur',
            structureId: ids.structure,
            status,
            statusSince: since,
          },
        })
      ).id;
    const old = await add('Ancien', 'sorti', '2020-01-15');
    const excluded = await add('Exclu', 'exclu', '2022-06-30');
    await add('Récent', 'sorti', '2025-06-01');
    await add('Actif', 'actif', '2019-01-01');
    const atDefault = await vault.value('rights.retention', { on: '2026-01-10' });
    console.log(
      `rights.retention: ${atDefault.years} years, before ${atDefault.before}, ${atDefault.proposals.length} proposals`,
    );
    expect(atDefault.years).toBe(3);
    expect(atDefault.before).toBe('2023-01-10');
    expect(atDefault.proposals).toEqual([
      { id: old, name: 'Ancien Rétention', status: 'Sorti', since: '2020-01-15' },
      { id: excluded, name: 'Exclu Rétention', status: 'Exclu', since: '2022-06-30' },
    ]);
    await vault.value('settings.update', { retentionYears: 5 });
    const atFive = await vault.value('rights.retention', { on: '2026-01-10' });
    expect(atFive.proposals.map((p) => p.id)).toEqual([old]);
    const invalid = await vault.call('settings.update', { retentionYears: 0 });
    expect(invalid.ok).toBe(false);
  });

  it('writes the processing record from the settings and the data held', async () => {
    const record = await vault.value('rights.register', {});
    console.log(
      `rights.register: ${record.sections.length} sections, ${record.text.length} characters`,
    );
    expect(record.title).toContain('Val-de-Quille');
    expect(record.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining(['Responsable du traitement', 'Destinataires', 'Mesures de sécurité']),
    );
    expect(record.text).toContain('Val-de-Quille');
    expect(record.text).toContain('5 ans après la sortie');
    expect(record.text).toMatch(/Promeneurs du Net \(\d+\)/);
    expect(record.text).toContain('Coffre chiffré');
  });
});
