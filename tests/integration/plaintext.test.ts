/**
 * Nothing personal lands on disk in clear: records carrying a unique marker are written,
 * and the marker is found in none of the vault's files.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openConnection } from '../../src/main/db/connection';
import { dispatch } from '../../src/main/ipc/router';
import { logError } from '../../src/main/log';
import { createTestVault, TEST_PASSPHRASE } from '../support/vault';

/** Regular files under `dir` (a few levels deep) created or modified since `since` (ms). */
function newFilesSince(dir: string, since: number, depth = 4): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // another user's folder, or gone meanwhile
  }
  const found: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const info = statSync(path);
      if (info.isDirectory()) {
        if (depth > 0) found.push(...newFilesSince(path, since, depth - 1));
      } else if (info.isFile() && info.mtimeMs >= since - 1000 && info.size < 64 * 1024 * 1024)
        found.push(path);
    } catch {
      // removed while walking
    }
  }
  return found;
}

describe('encryption at rest', () => {
  it('keeps every file of the vault free of the records’ content', async () => {
    const vault = await createTestVault();
    const marker = `ZQXMARKER${randomBytes(6).toString('hex')}`;
    const { id: structureId } = await vault.value('structures.create', {
      fields: {
        name: `Structure ${marker}`,
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
        email: `${marker.toLowerCase()}@mjc.example`,
        notes: `Notes ${marker}`,
      },
    });
    await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Camille',
        lastName: marker,
        job: 'animateur',
        structureId,
        status: 'actif',
        profiles: [{ platform: 'instagram', name: `${marker}_pdn` }],
      },
    });
    await vault.value('settings.update', { departmentName: `Département ${marker}` });
    const { id: conventionId } = await vault.value('conventions.create', {
      fields: {
        structureId,
        reference: `CAF ${marker}`,
        kind: 'premiere',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        fundedPromeneurs: 1,
        notes: `Notes ${marker}`,
      },
    });
    const [statutes] = (await vault.value('conventions.get', { id: conventionId })).documents;
    // A scan: its bytes (and its name) hold the marker.
    await vault.value('conventions.attachments.add', {
      documentId: statutes!.id,
      fileName: `${marker}.pdf`,
      mimeType: 'application/pdf',
      contentBase64: Buffer.from(
        `%PDF-1.4\n1 0 obj << /Title (${marker}) >> endobj\n${marker.repeat(200)}\n%%EOF\n`,
      ).toString('base64'),
    });
    await vault.value('conventions.payments.create', {
      conventionId,
      fields: {
        year: 2026,
        kind: 'avance',
        amountCents: 100_000,
        plannedOn: '2026-03-01',
        comment: `Versement ${marker}`,
      },
    });

    const dir = vault.session.vault.dir;
    const check = () => {
      const files = readdirSync(dir);
      expect(files).toContain('balise.db');
      for (const file of files) {
        const bytes = readFileSync(join(dir, file));
        expect(bytes.includes(Buffer.from(marker)), `${file} holds the marker in clear`).toBe(
          false,
        );
        expect(
          bytes.includes(Buffer.from(marker.toLowerCase())),
          `${file} holds the marker in clear`,
        ).toBe(false);
        expect(
          bytes.includes(Buffer.from('SQLite format 3')),
          `${file} has a plaintext SQLite header`,
        ).toBe(false);
      }
      return files;
    };
    // While open, with the WAL and shared-memory files present…
    expect(check()).toEqual(expect.arrayContaining(['balise.db-wal']));
    // …and after locking.
    await vault.session.lock();
    check();
    const header = readFileSync(join(dir, 'balise.db')).subarray(0, 16).toString('latin1');
    expect(header.startsWith('SQLite format 3')).toBe(false);
    await vault.cleanup();
  });

  it('keeps every backup file free of the records’ content', async () => {
    const vault = await createTestVault();
    const marker = `ZQXBACKUP${randomBytes(6).toString('hex')}`;
    const { id: structureId } = await vault.value('structures.create', {
      fields: {
        name: `Structure ${marker}`,
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
        notes: `Notes ${marker}`.repeat(50),
      },
    });
    await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Camille',
        lastName: marker,
        job: 'animateur',
        structureId,
        status: 'actif',
        profiles: [{ platform: 'instagram', name: `${marker}_pdn` }],
      },
    });
    // Locking makes the automatic backup, and a restore makes one of the vault it replaces.
    await vault.session.lock();
    await vault.session.vault.unlock(TEST_PASSPHRASE);
    const manual = await vault.value('backups.create', {});
    await vault.value('backups.restore', { name: manual.name, passphrase: TEST_PASSPHRASE });
    const { folder, backups } = await vault.value('backups.list', {});
    expect(backups.map((b) => b.kind).sort()).toEqual(['automatic', 'before-restore', 'manual']);
    const files = readdirSync(folder);
    for (const file of files) {
      const bytes = readFileSync(join(folder, file));
      for (const needle of [marker, marker.toLowerCase(), 'SQLite format 3'])
        expect(bytes.includes(Buffer.from(needle)), `${file} holds ${needle} in clear`).toBe(false);
    }
    // The restored vault still holds the records (the marker is inside, encrypted).
    const list = await vault.value('structures.list', {});
    expect(JSON.stringify(list)).toContain(marker);
    console.log(`plaintext: ${files.length} backup files checked, no marker in clear`);
    await vault.cleanup();
  });

  it('keeps SQLite’s temporary storage in memory, where the cipher does not reach', async () => {
    // SQLite3 Multiple Ciphers leaves temporary files (large sorts, VACUUM's copy) unencrypted:
    // 2 is MEMORY, on the vault's connection and on a read-only one (the contained checks').
    const vault = await createTestVault();
    try {
      const conn = vault.session.vault.connection;
      expect(conn.pragma('temp_store', { simple: true })).toBe(2);
      const key = randomBytes(32);
      const other = openConnection(join(vault.dir, 'other.db'), key);
      other.close();
      const readonly = openConnection(join(vault.dir, 'other.db'), key, { readonly: true });
      expect(readonly.pragma('temp_store', { simple: true })).toBe(2);
      readonly.close();
    } finally {
      await vault.cleanup();
    }
  });

  it('leaves the marker in no new file of the temporary folder and in no log line', async () => {
    const marker = `ZQXTMP${randomBytes(6).toString('hex')}`;
    const started = Date.now();
    const logged: string[] = [];
    const capture = (chunk: unknown) => {
      logged.push(String(chunk));
      return true;
    };
    const spies = [
      vi.spyOn(process.stderr, 'write').mockImplementation(capture),
      vi.spyOn(process.stdout, 'write').mockImplementation(capture),
      vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => logged.push(a.join(' '))),
      vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => logged.push(a.join(' '))),
      vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => logged.push(a.join(' '))),
    ];
    const vault = await createTestVault();
    try {
      await vault.value('structures.create', {
        fields: {
          name: `Structure ${marker}`,
          type: 'mjc',
          legalForm: 'association',
          networkStatus: 'dans_le_reseau',
          notes: `Notes ${marker}`,
        },
      });
      // An .ics import (parsed in the contained worker) and an export of the same period.
      const ics = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//t//FR',
        'BEGIN:VEVENT',
        `UID:${marker}@example`,
        'DTSTART:20270114T090000Z',
        `SUMMARY:Réunion ${marker}`,
        `DESCRIPTION:${marker}`,
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n');
      await vault.value('calendar.importIcs', { fileName: `${marker}.ics`, content: ics });
      const exported = await vault.value('calendar.exportIcs', {
        from: '2027-01-01',
        to: '2027-01-31',
      });
      expect(exported.content).toContain(marker);
      // Refused input holding the marker, and a failure the router logs.
      await vault.call('calendar.importIcs', { fileName: 'x.ics', content: `${marker}\u0000` });
      await vault.call('vault.unlock', { passphrase: marker });
      const failing = {
        'structures.list': () => {
          throw new Error(`SQLITE_ERROR near "${marker}"\nvalue: ${marker}`);
        },
      };
      const result = await dispatch(failing as never, vault.ctx, 'structures.list', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      logError('direct call', Object.assign(new Error(`${marker}\n${marker}`), { code: marker }));
      await vault.session.lock();
      await vault.value('vault.unlock', { passphrase: TEST_PASSPHRASE });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const logText = logged.join('\n');
    expect(logText).toContain('[balise]'); // the failures above were logged…
    expect(logText).not.toContain(marker); // …without the marker
    const files = newFilesSince(tmpdir(), started);
    let bytes = 0;
    for (const file of files) {
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch {
        continue; // removed meanwhile (another test's temporary folder)
      }
      bytes += content.length;
      for (const form of [marker, marker.toLowerCase()])
        for (const encoding of ['utf8', 'utf16le'] as const)
          expect(content.includes(Buffer.from(form, encoding)), `${file} holds the marker`).toBe(
            false,
          );
    }
    await vault.cleanup(); // after the walk: the vault's own files were checked too
    console.log(
      `plaintext: ${files.length} new files in ${tmpdir()} (${bytes} bytes) and ${logged.length} log writes checked, marker found 0 times`,
    );
  });
});
