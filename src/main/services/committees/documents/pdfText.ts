/**
 * Text for pdfkit's standard fonts (Helvetica), which are WinAnsi-encoded: a character outside
 * Windows-1252 is not printed as itself but as two garbage bytes. French needs nothing outside
 * it (é è à ç œ ’ « » · – … € are all there), but what the app formats or people type may be:
 * `Intl` puts a narrow no-break space in « 12 345,60 € », minutes pasted from elsewhere bring
 * ligatures, arrows, emoji or letters of other alphabets. Every string drawn goes through
 * `pdfSafe`, which swaps such characters for the closest printable ones.
 */

/** Code points above 0xFF that Windows-1252 encodes (its 0x80–0x9F range). */
const WIN_ANSI_EXTRA = new Set(
  [
    0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
    0x0153, 0x017e, 0x0178,
  ].map((c) => String.fromCodePoint(c)),
);

/** Whether the standard fonts can print the character. */
export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (char === '\n') return true;
  if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code !== 0xad;
  return WIN_ANSI_EXTRA.has(char);
}

/** Close equivalents for characters WinAnsi lacks and that no decomposition gives. */
const REPLACEMENTS: Record<string, string> = {
  // Spaces: the narrow and figure no-break spaces of French number formatting stay unbreakable.
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2060': '',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u3000': ' ',
  '\t': ' ',
  // Invisible marks: dropped.
  '\u00ad': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
  '\ufe0f': '',
  '\ufe0e': '',
  // Dashes, quotes and symbols.
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u201b': '’',
  '\u2032': '’',
  '\u2033': '”',
  '\u2043': '-',
  '\u2219': '·',
  '\u22c5': '·',
  '\u25cf': '•',
  '\u25e6': 'o',
  '\u25aa': '•',
  '\u2192': '->',
  '\u2190': '<-',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2116': 'N°',
  // Letters without a canonical decomposition.
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ſ: 's',
};

/** Emoji and pictographs have no close letter: they are left out rather than shown as « ? ». */
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

function closest(char: string): string {
  const replacement = REPLACEMENTS[char];
  if (replacement !== undefined) return replacement;
  if (PICTOGRAPH.test(char)) return '';
  const code = char.codePointAt(0)!;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return '';
  // Accented letters of other languages (ă, ș, ŝ…), ligatures (ﬁ), full-width forms:
  // their compatibility decomposition without the accents.
  const decomposed = char.normalize('NFKD').replace(/\p{M}/gu, '');
  if (decomposed && [...decomposed].every(isWinAnsi)) return decomposed;
  return '?';
}

/** The text with every character the standard fonts cannot print replaced by a close one. */
export function pdfSafe(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n').normalize('NFC');
  let out = '';
  for (const char of normalised) out += isWinAnsi(char) ? char : closest(char);
  return out;
}
