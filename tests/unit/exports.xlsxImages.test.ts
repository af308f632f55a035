/**
 * Pictures placed into a streamed .xlsx after it was written: a spreadsheet reader (exceljs)
 * finds each one on its sheet, at its cell, with its PNG; the other sheets stay as they were.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { barChartPng } from '../../src/main/services/exports/charts';
import type { WorkbookSpec } from '../../src/main/services/exports/model';
import { writeWorkbook } from '../../src/main/services/exports/writer';
import { placePictures, type Picture } from '../../src/main/services/exports/xlsxImages';

const SPEC: WorkbookSpec = {
  title: 'Essai',
  created: new Date('2026-12-03T12:00:00Z'),
  sheets: [
    {
      name: 'Tableau',
      columns: [{ header: 'Nom', format: 'text' }],
      rows: [['Ana'], ['Bo']],
      emptyText: 'Vide',
    },
    {
      name: 'Graphiques',
      columns: [
        { header: 'Indicateur', format: 'text' },
        { header: 'Valeur', format: 'integer', total: true },
      ],
      rows: [
        ['Jeunes contactés', 12],
        ['Jeunes rencontrés', 3],
      ],
      totalsLabel: 'Total',
      emptyText: 'Vide',
    },
  ],
};

async function picture(title: string, col: number, row: number): Promise<Picture> {
  const png = await barChartPng({
    title,
    labels: ['janv.', 'févr.'],
    series: [{ name: 'Contactés', values: [4, 8] }],
    unit: 'count',
  });
  return { png, title, col, row, width: 360, height: 170 };
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('pictures placed into a written workbook', () => {
  it('puts each picture on its sheet at its cell, and leaves the rest as written', async () => {
    const written = await writeWorkbook(SPEC);
    const placed = await placePictures(
      written,
      new Map([[2, [await picture('Contacts <& "suivis">', 3, 1), await picture('Deux', 3, 19)]]]),
    );
    const workbook = await read(placed);
    expect(workbook.getWorksheet('Tableau')!.getImages()).toEqual([]);
    const sheet = workbook.getWorksheet('Graphiques')!;
    const images = sheet.getImages();
    expect(images.map((i) => [i.range.tl.nativeCol, i.range.tl.nativeRow])).toEqual([
      [3, 1],
      [3, 19],
    ]);
    const media = workbook.model.media as unknown as { buffer: Buffer; extension: string }[];
    expect(media).toHaveLength(2);
    for (const m of media) {
      expect(m.extension).toBe('png');
      expect(Buffer.from(m.buffer).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    // The cells are untouched, and the title is escaped in the drawing.
    expect(sheet.getCell('A2').value).toBe('Jeunes contactés');
    expect(sheet.getCell('B4').value).toMatchObject({ formula: 'SUBTOTAL(109,B2:B3)', result: 15 });
    const drawing = strFromU8(unzipSync(placed)['xl/drawings/drawing1.xml']!);
    expect(drawing).toContain('descr="Contacts &lt;&amp; &quot;suivis&quot;&gt;"');
  });

  it('places the drawing where the schema wants it: after the page setup, before the end', async () => {
    const placed = await placePictures(
      await writeWorkbook(SPEC),
      new Map([[1, [await picture('Un', 2, 1)]]]),
    );
    const sheet = strFromU8(unzipSync(placed)['xl/worksheets/sheet1.xml']!);
    const at = sheet.indexOf('<drawing r:id=');
    expect(at).toBeGreaterThan(sheet.indexOf('<pageSetup'));
    expect(sheet.slice(at)).toMatch(/^<drawing r:id="[^"]+"\/><\/worksheet>$/);
  });

  it('copies the parts it leaves alone as they were compressed, without inflating them', async () => {
    const written = await writeWorkbook(SPEC);
    const placed = await placePictures(written, new Map([[2, [await picture('Un', 3, 1)]]]));
    const sizes = (zip: Uint8Array) => {
      const found = new Map<string, string>();
      unzipSync(zip, {
        filter: (f) => (found.set(f.name, `${f.compression} ${f.size} ${f.originalSize}`), false),
      });
      return found;
    };
    const before = sizes(written);
    const after = sizes(placed);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'])
      expect(after.get(part), part).toBe(before.get(part));
    expect(after.get('xl/worksheets/sheet2.xml')).not.toBe(before.get('xl/worksheets/sheet2.xml'));
    // Parts only, as Office writes packages: no folder entries.
    expect([...after.keys()].filter((name) => name.endsWith('/'))).toEqual([]);
  });

  it('refuses a sheet that already has a drawing rather than write a broken file', async () => {
    const once = await placePictures(
      await writeWorkbook(SPEC),
      new Map([[1, [await picture('Un', 2, 1)]]]),
    );
    const again = new Map([[1, [await picture('Deux', 2, 1)]]]);
    await expect(placePictures(once, again)).rejects.toThrow(/drawing/);
  });
});
