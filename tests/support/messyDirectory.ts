/**
 * Directory files as coordinators really have them, built in memory for the tests (nothing
 * is stored in the repository): a workbook with a title above the headings and Excel dates;
 * a CSV with « ; » in Windows-1252; a CSV with « , » in UTF-8 with a BOM and quoted fields
 * holding separators and line breaks; text dates; every usual phone format; blank rows;
 * duplicates; an invalid SIRET; an invalid e-mail; a Promeneur whose structure is nowhere.
 * All people and structures are fictional.
 */
import ExcelJS from 'exceljs';

/** A SIRET with a valid check key (Luhn), from its first 13 digits. */
export function siretFrom(first13: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = `${first13}${key}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(candidate[13 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

export const SIRET = {
  tilleuls: siretFrom('4421873650001'),
  vexin: siretFrom('5138820470002'),
  /** Fourteen digits whose check key is wrong. */
  wrong: (() => {
    const valid = siretFrom('7755331190001');
    return `${valid.slice(0, 13)}${(Number(valid[13]) + 1) % 10}`;
  })(),
};

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The Excel serial of a date (days since 30/12/1899). */
export const excelSerial = (iso: string) =>
  Math.round((utc(iso).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);

/**
 * One sheet, one Promeneur per row with their structure: a title and a blank line above the
 * headings (upper case, abbreviations), Excel dates (formatted and bare serials), text dates,
 * phones as text and as a number that lost its 0, blank rows, a duplicate, an invalid SIRET,
 * an invalid e-mail.
 */
export async function combinedWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Annuaire 2026');
  sheet.addRow(['Annuaire des Promeneurs du Net de l’Eure — mise à jour de mars 2026']);
  sheet.addRow([]);
  sheet.addRow([
    'STRUCTURE PORTEUSE',
    'Commune',
    'EPCI',
    'N° SIRET',
    'Prénom',
    'NOM',
    'E-mail pro',
    'Tél.',
    'Date d’entrée',
    'Fonction',
  ]);
  const tilleuls = [
    'Centre social Les Tilleuls',
    'Évreux',
    'Évreux Portes de Normandie',
    SIRET.tilleuls,
  ];
  const rows: unknown[][] = [
    // line 4
    [
      ...tilleuls,
      'Inès',
      'Garnier',
      'Ines.Garnier@Tilleuls.fr',
      '06 12 34 56 78',
      utc('2024-09-02'),
      'Animatrice',
    ],
    // line 5: a phone number cell (its 0 lost), a bare date serial
    [
      ...tilleuls,
      'Karim',
      'Benali',
      'k.benali@tilleuls.fr',
      612345679,
      excelSerial('2023-03-15'),
      'Éducateur spécialisé',
    ],
    // line 6: blank
    [],
    // line 7: international phone, text date
    [
      'MJC du Vexin',
      'Gisors',
      'CC du Vexin normand',
      Number(SIRET.vexin),
      'Léa',
      'Martin',
      'lea.martin@mjc-vexin.fr',
      '+33 6 12 34 56 80',
      '15/01/2025',
      'Médiatrice numérique',
    ],
    // line 8: the same person again
    ['MJC du Vexin', 'Gisors', '', '', 'Léa', 'Martin', 'LEA.MARTIN@mjc-vexin.fr', '', '', ''],
    // line 9: a SIRET whose check key is wrong
    [
      'Maison des ados',
      'Vernon',
      'Seine Normandie Agglomération',
      SIRET.wrong.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, '$1 $2 $3 $4'),
      'Paul',
      'Durand',
      'paul.durand@mda-vernon.fr',
      '02 32 00 00 01',
      '',
      'Psychologue',
    ],
    // line 10: an invalid e-mail, dotted phone
    [...tilleuls, 'Zoé', 'Petit', 'zoe.petit@', '06.12.34.56.81', '', 'Animatrice'],
    // line 11: blank
    [],
    // line 12: no SIRET, two-digit year
    [
      'Accueil jeunes de Louviers',
      'Louviers',
      'Agglo Seine-Eure',
      '',
      'Tom',
      'Leroy',
      '',
      '0612345682',
      '3/2/25',
      'Animateur',
    ],
  ];
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(9).numFmt = 'dd/mm/yyyy';
  sheet.getCell('I5').numFmt = 'General'; // a date typed as a plain number
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What the combined workbook gives on an empty vault. */
export const COMBINED_EXPECTED = {
  structures: { create: 3, update: 0, skip: 1 },
  promeneurs: { create: 4, update: 0, skip: 3 },
};

/** Windows-1252 bytes of a text (œ, €, curly quotes included). */
export function windows1252(text: string): Buffer {
  const table: Record<string, number> = {
    '€': 0x80,
    '‚': 0x82,
    ƒ: 0x83,
    '„': 0x84,
    '…': 0x85,
    '†': 0x86,
    '‡': 0x87,
    ˆ: 0x88,
    '‰': 0x89,
    Š: 0x8a,
    '‹': 0x8b,
    Œ: 0x8c,
    Ž: 0x8e,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '•': 0x95,
    '–': 0x96,
    '—': 0x97,
    '˜': 0x98,
    '™': 0x99,
    š: 0x9a,
    '›': 0x9b,
    œ: 0x9c,
    ž: 0x9e,
    Ÿ: 0x9f,
  };
  return Buffer.from(
    Array.from(text, (c) => {
      const code = c.charCodeAt(0);
      if (table[c] !== undefined) return table[c];
      if (code < 256) return code;
      throw new Error(`not in Windows-1252: ${c}`);
    }),
  );
}

/**
 * Promeneurs only, « ; » separated, Windows-1252, CRLF: a title line, text dates (dd/mm/yyyy
 * and d/m/yy), every phone format, a blank line, a duplicate, a structure nowhere to be found.
 * To import after the combined workbook: Inès is already up to date, Karim's phone changes.
 */
export function semicolonCsv(): Buffer {
  const lines = [
    'Liste des Promeneurs du Net – Eure;;;;;;',
    'Prénom;Nom;Structure;Courriel;Téléphone portable;Date d’entrée;Statut',
    'Inès;Garnier;Centre social Les Tilleuls;ines.garnier@tilleuls.fr;06 12 34 56 78;02/09/2024;Actif',
    'Hélène;Lefèvre-Cœur;MJC du Vexin;helene.lefevre@mjc-vexin.fr;+33 6 12 34 56 83;1/3/25;En préparation',
    'Noé;François;Centre social Les Tilleuls;;06-12-34-56-84;5/9/2024;',
    'Jules;Moreau;Foyer des Acacias;jules.moreau@acacias.fr;0033612345685;;Actif',
    ';;;;;;',
    'Karim;Benali;centre social les tilleuls;k.benali@tilleuls.fr;07 98 76 54 32;;',
    'Hélène;Lefèvre-Cœur;MJC du Vexin;helene.lefevre@mjc-vexin.fr;;;',
  ];
  return windows1252(`${lines.join('\r\n')}\r\n`);
}

/** What the semicolon CSV gives after the combined workbook. */
export const SEMICOLON_EXPECTED = {
  structures: { create: 0, update: 0, skip: 0 },
  promeneurs: { create: 2, update: 1, skip: 3 },
};

/**
 * Structures only, « , » separated, UTF-8 with a BOM, LF: quoted fields holding commas, a line
 * break and quotes; a yes/no column; a duplicate row. To import after the combined workbook:
 * the Tilleuls get an address, a postal code, an e-mail, QPV and a website; a PIJ is new.
 */
export function commaCsv(): Buffer {
  const lines = [
    '"Nom de la structure","Adresse","CP","Commune","Mail structure","QPV","Site internet","Type"',
    '"Centre social Les Tilleuls","12, rue des Lilas\nBâtiment B","27000","Évreux","Contact@Tilleuls.fr","oui","www.tilleuls.fr","Centre social"',
    '"Point information jeunesse, Bernay","3 place de la Gare ""côté parc""","27300","Bernay","pij@bernay.fr","non","","PIJ"',
    '',
    '"Point information jeunesse, Bernay","3 place de la Gare","27300","Bernay","","","",""',
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\n')}\n`)]);
}

export const COMMA_EXPECTED = {
  structures: { create: 1, update: 1, skip: 1 },
  promeneurs: { create: 0, update: 0, skip: 0 },
};

/** Two sheets: the structures, then their Promeneurs naming them. */
export async function twoSheetWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const structures = book.addWorksheet('Structures');
  structures.addRow([
    'Nom de la structure',
    'SIRET',
    'Commune',
    'Type de structure',
    'Forme juridique',
  ]);
  structures.addRow([
    'Mission locale du Roumois',
    siretFrom('8890123400011'),
    'Bourgtheroulde',
    'Mission locale',
    'Association',
  ]);
  structures.addRow(['Espace jeunes de Pacy', '', 'Pacy-sur-Eure', 'Espace jeunes', 'Commune']);
  const people = book.addWorksheet('Promeneurs');
  people.addRow(['Prénom', 'Nom', 'Structure employeuse', 'Mail', 'Portable', 'Métier']);
  people.addRow([
    'Anaïs',
    'Roussel',
    'Mission locale du Roumois',
    'anais.roussel@ml-roumois.fr',
    '06 11 22 33 44',
    'Conseillère en insertion',
  ]);
  people.addRow([
    'Yanis',
    'Girard',
    'Espace jeunes de Pacy',
    'yanis.girard@pacy.fr',
    '06 11 22 33 45',
    'Animateur',
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const FIRST = ['Inès', 'Karim', 'Léa', 'Tom', 'Zoé', 'Hugo', 'Chloé', 'Noé', 'Jade', 'Louis'];
const LAST = ['Garnier', 'Benali', 'Martin', 'Leroy', 'Petit', 'Moreau', 'Fournier', 'Girard'];

/**
 * A large combined directory (one Promeneur per row, 10 per structure) for timing: CSV « ; »
 * UTF-8, every row valid and distinct.
 */
export function largeDirectoryCsv(rows: number): Buffer {
  const lines = ['Structure;Commune;SIRET;Prénom;Nom;E-mail;Téléphone;Date d’entrée;Métier'];
  for (let i = 0; i < rows; i++) {
    const s = Math.floor(i / 10);
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      [
        `Structure ${s}`,
        `Commune ${s % 50}`,
        siretFrom(String(1_000_000_000_000 + s).padStart(13, '0')),
        FIRST[i % FIRST.length],
        `${LAST[i % LAST.length]}-${i}`,
        `pdn.${i}@structure${s}.fr`,
        `06 ${String(10 + (i % 90))} ${String(i % 100).padStart(2, '0')} 00 ${String(Math.floor(i / 100) % 100).padStart(2, '0')}`,
        `${day}/03/2024`,
        i % 2 ? 'Animateur' : 'Éducatrice',
      ].join(';'),
    );
  }
  return Buffer.from(lines.join('\r\n'));
}
