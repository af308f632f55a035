/**
 * Nothing personal lands on disk in clear: records carrying a unique marker are written,
 * and the marker is found in none of the vault's files.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestVault } from '../support/vault';

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
});
