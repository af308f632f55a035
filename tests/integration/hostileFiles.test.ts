/**
 * Hostile and malformed files against every import, through the real router: each ends within
 * a bounded time with a clear French message (nothing written) or a sane partial import, and
 * the app answers afterwards. The files are generated here; none is stored in the repository.
 *
 * Imports today: calendar.importIcs (the renderer reads the file as UTF-8 text, as
 * `File.text()` does, and sends the text). An Excel import adds its route to IMPORTS.
 */
import { randomBytes } from 'node:crypto';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORTED_EVENTS } from '../../src/main/services/calendar/icsRead';
import { MAX_TEMPLATE_BATCH } from '../../src/shared/api/activity';
import { lastEndedPeriod } from '../../src/shared/rules/activity';
import { todayInParis } from '../../src/shared/rules/dates';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => {
  await vault.cleanup();
});

/** A file as the renderer hands it over: its bytes decoded as UTF-8 (File.text()). */
const asText = (bytes: Buffer | Uint8Array) => new TextDecoder().decode(bytes);

/** A real zip archive (stored with deflate), written by hand: enough for a renamed-zip test. */
function zipOf(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // crc left at 0: readers that check it refuse, others inflate
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const CRLF = '\r\n';
const vevent = (uid: string, lines: string[] = []) =>
  [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20270101T000000Z',
    'DTSTART:20270114T090000Z',
    'DTEND:20270114T110000Z',
    ...(lines.some((l) => l.startsWith('SUMMARY:')) ? [] : [`SUMMARY:Réunion ${uid}`]),
    ...lines,
    'END:VEVENT',
  ].join(CRLF);
const calendar = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hostile//FR', ...events, 'END:VCALENDAR', ''].join(
    CRLF,
  );
const valid = calendar(vevent('h-valid-1'), vevent('h-valid-2'));

/** What a file may end in: refused, imported (perhaps partly), or either, as long as it is sane. */
type Outcome = 'refused' | 'imported' | 'either';
interface Hostile {
  name: string;
  content: string;
  outcome: Outcome;
  /** A further check of a successful import's answer. */
  check?: (value: { created: number; problems: string[] }) => void;
}

function files(): Hostile[] {
  const list: Hostile[] = [];
  const add = (name: string, content: string, outcome: Outcome, check?: Hostile['check']) =>
    list.push({ name, content, outcome, ...(check ? { check } : {}) });

  // ---- not a calendar at all
  add('empty', '', 'refused');
  add('only whitespace', '   \r\n\t\r\n', 'refused');
  add('binary garbage', asText(randomBytes(64 * 1024)), 'refused');
  add('NUL bytes only', '\u0000'.repeat(10_000), 'refused');
  const zip = zipOf([{ name: 'calendar.ics', data: Buffer.from(valid) }]);
  add('a zip renamed .ics', asText(zip), 'refused');
  const bomb = zipOf(
    Array.from({ length: 10 }, (_, i) => ({
      name: `part${i}.ics`,
      data: Buffer.alloc(20 * 1024 * 1024, 'BEGIN:VCALENDAR'),
    })),
  );
  add('a zip bomb renamed .ics (200 MB inflated)', asText(bomb), 'refused');
  add('a gzip renamed .ics', asText(gzipSync(Buffer.from(valid))), 'refused');
  add(
    'a PDF renamed .ics',
    asText(
      Buffer.concat([
        Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\nstream\n'),
        randomBytes(32 * 1024),
        Buffer.from('\nendstream\n%%EOF\n'),
      ]),
    ),
    'refused',
  );
  add(
    'an HTML page',
    '<!doctype html><html><body><script>alert(1)</script>BEGIN:VCALENDAR</body></html>',
    'refused',
  );
  add('a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoé Martin\r\nEND:VCARD\r\n', 'refused');
  add('JSON', JSON.stringify({ vcalendar: [{ vevent: [] }] }), 'refused');
  add(
    'xCal (XML)',
    '<?xml version="1.0"?><icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar/></icalendar>',
    'refused',
  );
  add('CSV', 'titre;début;fin\r\nRéunion;14/01/2027;14/01/2027\r\n', 'refused');
  add('an e-mail holding a calendar', `From: a@b.example\r\nSubject: x\r\n\r\n${valid}`, 'refused');
  // ---- wrong encodings
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]);
  add('UTF-16 LE with BOM', asText(utf16), 'refused');
  const utf16be = Buffer.from(valid, 'utf16le').swap16();
  add('UTF-16 BE with BOM', asText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])), 'refused');
  add(
    'Latin-1 accents (decoded with replacement characters)',
    asText(
      Buffer.from(calendar(vevent('h-latin1', ['LOCATION:Salle des fêtes, Évreux'])), 'latin1'),
    ),
    'imported',
  );
  add('UTF-8 with BOM', `\ufeff${calendar(vevent('h-bom'))}`, 'imported');
  // ---- broken structure
  add('truncated in the middle', valid.slice(0, Math.floor(valid.length / 2)), 'either');
  add('truncated mid-line', valid.slice(0, valid.indexOf('DTSTART') + 12), 'either');
  add('BEGIN:VCALENDAR only', 'BEGIN:VCALENDAR\r\n', 'either');
  add('END before BEGIN', 'END:VCALENDAR\r\nBEGIN:VCALENDAR\r\n', 'refused');
  add(
    '100 000 nested BEGIN blocks',
    `BEGIN:VCALENDAR${CRLF}${'BEGIN:X-NEST\r\n'.repeat(100_000)}${'END:X-NEST\r\n'.repeat(100_000)}END:VCALENDAR${CRLF}`,
    'either',
  );
  add(
    '200 000 BEGIN blocks never closed',
    `BEGIN:VCALENDAR${CRLF}${'BEGIN:VEVENT\r\n'.repeat(200_000)}`,
    'refused',
  );
  add(
    'lines without a colon',
    calendar(
      vevent(
        'h-colon',
        Array.from({ length: 1000 }, (_, i) => `GARBAGE LINE ${i}`),
      ),
    ),
    'either',
  );
  add(
    'a huge line (4.5 MB property)',
    calendar(vevent('h-huge', [`X-HUGE:${'a'.repeat(4_500_000)}`])),
    'either',
  );
  add(
    'a line folded 500 000 times',
    calendar(vevent('h-fold', [`DESCRIPTION:a${'\r\n b'.repeat(500_000)}`])),
    'either',
  );
  add('more than 5 MB', calendar(vevent('h-big', [`X-BIG:${'a'.repeat(5_300_000)}`])), 'refused');
  add(
    '100 000 VEVENTs',
    calendar(
      ...Array.from({ length: 100_000 }, (_, i) => `BEGIN:VEVENT${CRLF}UID:${i}${CRLF}END:VEVENT`),
    ),
    'refused',
  );
  add(
    `${MAX_IMPORTED_EVENTS + 1} valid VEVENTs`,
    calendar(...Array.from({ length: MAX_IMPORTED_EVENTS + 1 }, (_, i) => vevent(`h-many-${i}`))),
    'refused',
  );
  // ---- recurrence abuse
  add(
    'RRULE every second, no end',
    calendar(vevent('h-secondly', ['RRULE:FREQ=SECONDLY;INTERVAL=1'])),
    'imported',
    (v) => {
      // 52 occurrences at most; within one minute they are the same event, reported once each.
      expect(v.created).toBeLessThanOrEqual(52);
      expect(v.problems.length).toBeLessThanOrEqual(51);
    },
  );
  add(
    'RRULE that never yields a date (30 February, daily)',
    calendar(vevent('h-never', ['RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'])),
    'refused',
  );
  add(
    '100 000 EXDATE values',
    calendar(
      vevent('h-exdate', [
        'RRULE:FREQ=DAILY;COUNT=10',
        `EXDATE:${Array.from({ length: 100_000 }, () => '20270115T090000Z').join(',')}`,
      ]),
    ),
    'either',
  );
  add(
    '2 000 orphan RECURRENCE-IDs',
    calendar(
      ...Array.from({ length: 2000 }, (_, i) =>
        vevent(`h-orphan`, [
          `RECURRENCE-ID:2027${String((i % 12) + 1).padStart(2, '0')}01T090000Z`,
        ]),
      ),
    ),
    'either',
    (v) => expect(v.problems.length).toBeLessThanOrEqual(51),
  );
  // ---- billion-laughs-like repetition
  add(
    '60 000 repeated properties in one event',
    calendar(
      vevent(
        'h-laughs',
        Array.from({ length: 60_000 }, () => 'X-LOL:lollollollollollol'),
      ),
    ),
    'either',
  );
  add(
    'one CATEGORIES with 1 000 000 values',
    calendar(vevent('h-categories', [`CATEGORIES:${'a,'.repeat(1_000_000)}a`])),
    'either',
  );
  add(
    'the same UID 3 000 times',
    calendar(...Array.from({ length: 3000 }, () => vevent('h-same'))),
    'imported',
    (v) => {
      expect(v.created + (v as { unchanged?: number }).unchanged!).toBeLessThanOrEqual(1);
      expect(v.problems).toHaveLength(51);
      expect(v.problems.at(-1)).toMatch(/autres problèmes/);
    },
  );
  // ---- hostile content in the fields
  add(
    'control characters in SUMMARY',
    calendar(vevent('h-control', ['SUMMARY:A\u0007B\u001bC\u0000D\u0008'])),
    'either',
  );
  add(
    'a formula in SUMMARY',
    calendar(vevent('h-formula', ["SUMMARY:=cmd|' /C calc'!A0", 'LOCATION:+SUM(A1:A9)'])),
    'imported',
  );
  add(
    'script tags in SUMMARY and DESCRIPTION',
    calendar(
      vevent('h-script', [
        'SUMMARY:<script>alert(document.cookie)</script>',
        'DESCRIPTION:<img src=x onerror=alert(1)>',
        'URL:javascript:alert(1)',
      ]),
    ),
    'imported',
  );
  add(
    'bidirectional overrides and zero-width characters',
    calendar(vevent('h-bidi', ['SUMMARY:\u202Egpj.exe\u200B\u2066x\u2069'])),
    'either',
  );
  add('a 10 000-character UID', calendar(vevent('u'.repeat(10_000))), 'imported', (v) => {
    expect(v.created).toBe(0);
    expect(v.problems.join(' ')).toContain('identifiant');
  });
  add(
    'a TZID pointing nowhere',
    calendar(
      [
        'BEGIN:VEVENT',
        'UID:h-tzid',
        'DTSTART;TZID=Mars/Olympus_Mons:20270114T090000',
        'DTEND;TZID=Mars/Olympus_Mons:20270114T100000',
        'SUMMARY:Ailleurs',
        'END:VEVENT',
      ].join(CRLF),
    ),
    'either',
  );
  add(
    'a VTIMEZONE with an endless rule',
    calendar(
      [
        'BEGIN:VTIMEZONE',
        'TZID:Piège',
        'BEGIN:STANDARD',
        'DTSTART:16010101T000000',
        'RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
        'END:VTIMEZONE',
      ].join(CRLF),
      [
        'BEGIN:VEVENT',
        'UID:h-tztrap',
        'DTSTART;TZID=Piège:20270114T090000',
        'SUMMARY:Piège',
        'END:VEVENT',
      ].join(CRLF),
    ),
    'either',
  );
  for (const [label, start] of [
    ['year 9999', '99991231T235959Z'],
    ['year 0000', '00000101T000000Z'],
    ['month 13', '20271301T090000Z'],
    ['30 February', '20270230T090000Z'],
    ['hour 99', '20270114T990000Z'],
    ['not a date', 'demain-matin'],
  ] as const)
    add(
      `DTSTART ${label}`,
      calendar(
        [
          'BEGIN:VEVENT',
          `UID:h-date-${label}`,
          `DTSTART:${start}`,
          'SUMMARY:Date',
          'END:VEVENT',
        ].join(CRLF),
      ),
      'either',
    );
  add(
    'a DURATION of 99 999 999 weeks',
    calendar(
      [
        'BEGIN:VEVENT',
        'UID:h-duration',
        'DTSTART:20270114T090000Z',
        'DURATION:P99999999W',
        'END:VEVENT',
      ].join(CRLF),
    ),
    'either',
  );
  add(
    'a 4 MB base64 attachment',
    calendar(
      vevent('h-attach', [
        `ATTACH;ENCODING=BASE64;VALUE=BINARY:${randomBytes(3_000_000).toString('base64')}`,
      ]),
    ),
    'either',
  );
  add('CR-only line ends', valid.replace(/\r\n/g, '\r'), 'either');
  add('LF-only line ends', valid.replace(/\r\n/g, '\n'), 'imported');
  add('NUL bytes between the lines', valid.replace(/\r\n/g, '\r\n\u0000'), 'either');
  return list;
}

function rowCounts(): Record<string, number> {
  const conn = vault.session.vault.connection;
  const tables = (
    conn
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (conn.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n,
    ]),
  );
}

/** Each import route, with how it receives a file. */
const IMPORTS = [
  {
    route: 'calendar.importIcs' as const,
    /** Tables an import may add rows to. */
    writes: ['events', 'audit_log'],
    call: (file: Hostile) =>
      vault.call('calendar.importIcs', {
        fileName: `${file.name.slice(0, 150)}.ics`,
        content: file.content,
      }),
  },
];

/** The longest any file may take: the contained parse's deadline plus writing, with margin. */
const BOUND_MS = 25_000;

describe('hostile files against every import', () => {
  for (const imp of IMPORTS)
    it(
      `${imp.route}: each ends in time, refused cleanly or imported sanely`,
      { timeout: 300_000 },
      async () => {
        const list = files();
        expect(list.length).toBeGreaterThanOrEqual(40);
        const tally = { refused: 0, imported: 0 };
        let slowest = { name: '', ms: 0 };
        for (const file of list) {
          const before = rowCounts();
          const started = performance.now();
          const result = await imp.call(file);
          const ms = Math.round(performance.now() - started);
          const after = rowCounts();
          console.log(
            `  ${String(ms).padStart(6)} ms  ${result.ok ? 'imported' : 'refused '}  ${file.name}${result.ok ? '' : ` — ${result.error.message}`}`,
          );
          if (ms > slowest.ms) slowest = { name: file.name, ms };
          expect(ms, file.name).toBeLessThan(BOUND_MS);
          if (file.outcome !== 'either')
            expect(result.ok ? 'imported' : 'refused', file.name).toBe(file.outcome);
          if (result.ok) {
            tally.imported++;
            for (const [table, n] of Object.entries(after))
              if (!imp.writes.includes(table))
                expect(n, `${file.name}: ${table}`).toBe(before[table]);
            expect(after.events! - before.events!, file.name).toBe(result.value.created);
            expect(result.value.problems.length, file.name).toBeLessThanOrEqual(51);
            for (const p of result.value.problems) expect(p.length, file.name).toBeLessThan(400);
            file.check?.(result.value);
          } else {
            tally.refused++;
            expect(result.error.code, file.name).toBe('INVALID_INPUT');
            // A message for a person: French, short, never a stack trace or the file's content.
            expect(result.error.message, file.name).toMatch(/[éèàêç’]/);
            expect(result.error.message.length, file.name).toBeLessThan(300);
            expect(result.error.message, file.name).not.toMatch(/Error|undefined|at \w+ \(/);
            expect(after, `${file.name}: the database changed`).toEqual(before);
          }
          // The app is still alive and answers.
          expect((await vault.call('vault.status', {})).ok, file.name).toBe(true);
        }
        // Hostile content imported as plain text, nothing interpreted.
        const titles = (
          vault.session.vault.connection
            .prepare(`select uid, title from events where uid like 'h-%'`)
            .all() as {
            uid: string;
            title: string;
          }[]
        ).map((r) => r.title);
        expect(titles).toContain("=cmd|' /C calc'!A0");
        expect(titles).toContain('<script>alert(document.cookie)</script>');
        console.log(
          `hostile files (${imp.route}): ${list.length} files, ${tally.refused} refused, ${tally.imported} imported, slowest ${slowest.ms} ms (${slowest.name}), bound ${BOUND_MS} ms, app alive`,
        );
      },
    );
});

/* ---- returned activity templates (.xlsx, read by exceljs in the contained process) ---- */

describe('hostile workbooks against activity.importPreview and activity.importConfirm', () => {
  /** A real template with one of its XML parts rewritten, zipped again. */
  const rewritten = (template: Uint8Array, part: string, edit: (xml: string) => string) => {
    const files = unzipSync(template);
    const name = Object.keys(files).find((f) => f.endsWith(part));
    if (!name) throw new Error(`no part ${part}`);
    files[name] = strToU8(edit(strFromU8(files[name]!)));
    return Buffer.from(zipSync(files));
  };

  it(
    'each ends in time, refused cleanly (nothing written) or read sanely, and the app answers',
    { timeout: 300_000 },
    async () => {
      const { id: structureId } = await vault.value('structures.create', {
        fields: {
          name: 'Structure des classeurs piégés',
          type: 'mjc',
          legalForm: 'association',
          networkStatus: 'dans_le_reseau',
        },
      });
      const { id: promeneurId } = await vault.value('promeneurs.create', {
        fields: {
          firstName: 'Piège',
          lastName: 'Classeur',
          job: 'animateur',
          structureId,
          status: 'actif',
          statusSince: '2025-01-01',
        },
      });
      const periodKey = lastEndedPeriod('trimestrielle', todayInParis()).key;
      const template = Buffer.from(
        (await vault.value('activity.templates', { periodKey, promeneurId })).contentBase64,
        'base64',
      );
      const sheetPart = 'worksheets/sheet1.xml';
      const hiddenPart = 'worksheets/sheet2.xml';
      const bomb = Buffer.from(
        zipSync({
          '[Content_Types].xml': strToU8('<Types/>'),
          'xl/worksheets/sheet1.xml': new Uint8Array(300 * 1024 * 1024),
        }),
      );
      const files: { name: string; bytes: Buffer; outcome: 'refused' | 'either' }[] = [
        {
          name: 'a data validation over the whole sheet',
          bytes: rewritten(template, sheetPart, (xml) =>
            xml.replace(
              /<dataValidations count="\d+">/,
              (m) =>
                `${m}<dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1><formula2>9</formula2></dataValidation>`,
            ),
          ),
          outcome: 'refused',
        },
        {
          name: 'a defined name over the whole sheet',
          bytes: rewritten(template, 'xl/workbook.xml', (xml) =>
            xml.includes('<definedNames>')
              ? xml.replace(
                  '<definedNames>',
                  `<definedNames><definedName name="Tout">'Bilan d’activité'!$A$1:$XFD$1048576</definedName>`,
                )
              : xml.replace(
                  '</sheets>',
                  `</sheets><definedNames><definedName name="Tout">'Bilan d’activité'!$A$1:$XFD$1048576</definedName></definedNames>`,
                ),
          ),
          outcome: 'either',
        },
        {
          name: 'a 300 MB zip bomb renamed .xlsx',
          bytes: bomb,
          outcome: 'refused',
        },
        {
          name: '20 000 cells mapped on the hidden sheet',
          bytes: rewritten(template, hiddenPart, (xml) =>
            xml.replace(
              '</sheetData>',
              `${Array.from({ length: 20_000 }, (_, i) => `<row r="${47 + i}"><c r="A${47 + i}" t="inlineStr"><is><t>k</t></is></c></row>`).join('')}</sheetData>`,
            ),
          ),
          outcome: 'either',
        },
        {
          name: 'a merged range over the whole sheet',
          bytes: rewritten(template, sheetPart, (xml) =>
            xml.replace(/<mergeCells count="\d+">/, (m) => `${m}<mergeCell ref="D1:XFD1048576"/>`),
          ),
          outcome: 'either',
        },
        {
          name: 'cells far away (XFD1048576)',
          bytes: rewritten(template, sheetPart, (xml) =>
            xml.replace(
              '</sheetData>',
              '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
            ),
          ),
          outcome: 'either',
        },
        {
          name: 'broken XML in the sheet',
          bytes: rewritten(template, sheetPart, (xml) => xml.slice(0, xml.length / 2)),
          outcome: 'refused',
        },
        {
          name: 'random bytes after a zip signature',
          bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(50_000)]),
          outcome: 'refused',
        },
      ];
      /** Each file alone: previewed (a selection of one), then imported; why it is refused, or null. */
      const refusal = {
        'activity.importPreview': async (file: { fileName: string; contentBase64: string }) => {
          const result = await vault.call('activity.importPreview', { periodKey, files: [file] });
          // The call itself is answered: a file refused is said so in its answer.
          expect(result.ok, file.fileName).toBe(true);
          if (!result.ok) return result.error.message;
          expect(result.value, file.fileName).toHaveLength(1);
          const [answer] = result.value;
          return answer?.ok ? null : (answer?.message ?? 'no answer');
        },
        'activity.importConfirm': async (file: { fileName: string; contentBase64: string }) => {
          const result = await vault.call('activity.importConfirm', { periodKey, ...file });
          if (result.ok) return null;
          expect(result.error.code, file.fileName).toBe('INVALID_INPUT');
          return result.error.message;
        },
      };
      for (const file of files) {
        for (const route of ['activity.importPreview', 'activity.importConfirm'] as const) {
          const before = rowCounts();
          const started = performance.now();
          const refused = await refusal[route]({
            fileName: 'piege.xlsx',
            contentBase64: file.bytes.toString('base64'),
          });
          const ms = Math.round(performance.now() - started);
          console.log(
            `  ${String(ms).padStart(6)} ms  ${refused === null ? 'read    ' : 'refused '}  ${route} ${file.name}${refused === null ? '' : ` — ${refused}`}`,
          );
          expect(ms, file.name).toBeLessThan(BOUND_MS);
          if (file.outcome === 'refused') expect(refused, file.name).not.toBeNull();
          if (refused !== null) {
            expect(refused, file.name).toMatch(/[éèàêç’]/);
            expect(refused.length, file.name).toBeLessThan(400);
            expect(refused, file.name).not.toMatch(/Error|undefined|at \w+ \(/);
            expect(rowCounts(), `${file.name}: the database changed`).toEqual(before);
          }
          expect((await vault.call('vault.status', {})).ok, file.name).toBe(true);
        }
      }
      // The same files as the « Retours » tab sends a selection: in parts, each part read in
      // one contained process (other names, so that nothing kept from above is reused).
      for (let from = 0; from < files.length; from += MAX_TEMPLATE_BATCH) {
        const part = files.slice(from, from + MAX_TEMPLATE_BATCH);
        const before = rowCounts();
        const started = performance.now();
        const result = await vault.call('activity.importPreview', {
          periodKey,
          files: part.map((file, i) => ({
            fileName: `piege-${from + i}.xlsx`,
            contentBase64: file.bytes.toString('base64'),
          })),
        });
        const ms = Math.round(performance.now() - started);
        console.log(`  ${String(ms).padStart(6)} ms  activity.importPreview, ${part.length} files`);
        expect(ms).toBeLessThan(BOUND_MS * 2);
        expect(result.ok).toBe(true);
        if (!result.ok) continue;
        expect(result.value).toHaveLength(part.length);
        for (const [i, file] of part.entries()) {
          const read = result.value[i]!;
          if (file.outcome === 'refused') expect(read.ok, file.name).toBe(false);
          if (!read.ok) {
            expect(read.message, file.name).toMatch(/[éèàêç’]/);
            expect(read.message.length, file.name).toBeLessThan(400);
            expect(read.message, file.name).not.toMatch(/Error|undefined|at \w+ \(/);
          }
        }
        expect(rowCounts(), 'a preview changed the database').toEqual(before);
        expect((await vault.call('vault.status', {})).ok).toBe(true);
      }
    },
  );
});
