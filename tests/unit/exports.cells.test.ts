/** What every export does to its cells: injection-safe text, +33 kept, widths that fit, CSV. */
import { describe, expect, it } from 'vitest';
import { fittedWidth, neutralise, shownLength } from '../../src/main/services/exports/cells';
import { writeCsv } from '../../src/main/services/exports/csv';
import { columnLetter, day } from '../../src/main/services/exports/model';

describe('cells', () => {
  it('neutralises text a spreadsheet could run, keeps phone numbers readable', () => {
    for (const risky of ['=1+1', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralise(risky)).toBe(`'${risky}`);
    expect(neutralise('+33612345678')).toBe('+33612345678');
    expect(neutralise('+33 6 12')).toBe("'+33 6 12");
    expect(neutralise('Centre social')).toBe('Centre social');
  });

  it('fits widths to the header and the longest value, within bounds', () => {
    expect(shownLength(1234567.5, 'euros')).toBe('1 234 567'.length + 5);
    expect(shownLength(new Date(), 'date')).toBe(10);
    expect(fittedWidth('QPV', 3)).toBe(8);
    expect(fittedWidth('Structure', 200)).toBe(60);
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(28)).toBe('AB');
  });

  it('writes CSV in French: BOM, semicolons, dd/mm/yyyy, decimal comma, quoted fields', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      writeCsv({
        name: 'x',
        columns: [
          { header: 'Nom', format: 'text' },
          { header: 'Le', format: 'date' },
          { header: 'Heures', format: 'decimal' },
        ],
        rows: [['=A1;"x"', day('2026-03-05'), 2.5]],
        emptyText: '',
      }),
    );
    expect(text).toBe('\uFEFFNom;Le;Heures\r\n"\'=A1;""x""";05/03/2026;2,5\r\n');
  });
});
