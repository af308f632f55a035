/**
 * Pictures placed into an .xlsx after it was written: exceljs's streaming writer cannot place
 * images, and building a large workbook in memory to place a few charts cost the national
 * Bilan annuel 1.2 GB and twice the time. The written package is opened (JSZip), and each
 * picture is added the way spreadsheet applications write one: the PNG under xl/media, a
 * drawing part anchoring it to a cell at its size in pixels, the sheet's relationship to the
 * drawing and its `<drawing>` element, and the content types.
 *
 * JSZip rather than fflate here: it copies the parts left unchanged as they were compressed,
 * where fflate would inflate the whole package and deflate it again (the national Bilan's
 * sheets are ~100 MB of XML for 3.7 MB of file: +100 MB of memory, and seconds of CPU).
 */
import JSZip from 'jszip';

export interface Picture {
  png: Uint8Array;
  /** Its alternative text (the chart's title). */
  title: string;
  /** The top-left cell, both counted from 0. */
  col: number;
  row: number;
  width: number;
  height: number;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** English Metric Units per pixel (at 96 dpi). */
const EMU_PER_PIXEL = 9525;
/** The id of the sheet's relationship to its drawing. */
const DRAWING_REL_ID = 'rIdBaliseDrawing';
/** The elements a worksheet may hold after `<drawing>`, in the schema's order. */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

const escapeXml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

function anchor(picture: Picture, index: number): string {
  const cx = Math.round(picture.width * EMU_PER_PIXEL);
  const cy = Math.round(picture.height * EMU_PER_PIXEL);
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${picture.col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${picture.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr>` +
    `<xdr:cNvPr id="${index + 2}" name="Graphique ${index + 1}" descr="${escapeXml(picture.title)}"/>` +
    `<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip r:embed="rId${index + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
    `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`
  );
}

const relationships = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL}">${items.join('')}</Relationships>`;

/** `text` with `insert` placed before the first of `markers` found in it. */
function insertBefore(text: string, markers: string[], insert: string): string {
  const at = Math.min(...markers.map((m) => text.indexOf(m)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) throw new Error('malformed part: no place to insert');
  return text.slice(0, at) + insert + text.slice(at);
}

/**
 * The package with the pictures placed on their sheets (`bySheet`: the sheet's position in the
 * workbook, from 1, to its pictures). A sheet given pictures must not have a drawing yet.
 */
export async function placePictures(
  xlsx: Uint8Array,
  bySheet: Map<number, Picture[]>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const has = (name: string) => zip.file(name) !== null;
  // No folder entries: an Office package lists parts only.
  const put = (name: string, content: string | Uint8Array, compression?: 'STORE') =>
    zip.file(name, content, { createFolders: false, compression });
  const text = (name: string) => {
    const part = zip.file(name);
    if (part === null) throw new Error(`missing part ${name}`);
    return part.async('string');
  };
  let types = await text('[Content_Types].xml');
  if (!/Extension="png"/i.test(types))
    types = insertBefore(types, ['</Types>'], '<Default Extension="png" ContentType="image/png"/>');
  let media = 0;
  let drawing = 0;
  for (const [sheet, pictures] of bySheet) {
    if (pictures.length === 0) continue;
    drawing += 1;
    if (has(`xl/drawings/drawing${drawing}.xml`)) throw new Error('the package has drawings');
    const sheetPart = `xl/worksheets/sheet${sheet}.xml`;
    const xml = await text(sheetPart);
    if (xml.includes('<drawing ')) throw new Error(`${sheetPart} already has a drawing`);
    put(sheetPart, insertBefore(xml, AFTER_DRAWING, `<drawing r:id="${DRAWING_REL_ID}"/>`));

    const toDrawing = `<Relationship Id="${DRAWING_REL_ID}" Type="${REL}/drawing" Target="../drawings/drawing${drawing}.xml"/>`;
    const sheetRels = `xl/worksheets/_rels/sheet${sheet}.xml.rels`;
    put(
      sheetRels,
      has(sheetRels)
        ? insertBefore(await text(sheetRels), ['</Relationships>'], toDrawing)
        : relationships([toDrawing]),
    );

    const images: string[] = [];
    pictures.forEach((picture, i) => {
      media += 1;
      const name = `xl/media/image${media}.png`;
      if (has(name)) throw new Error('the package has images');
      // Already compressed: stored as is.
      put(name, picture.png, 'STORE');
      images.push(
        `<Relationship Id="rId${i + 1}" Type="${REL}/image" Target="../media/image${media}.png"/>`,
      );
    });
    put(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relationships(images));
    put(
      `xl/drawings/drawing${drawing}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
        `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
        pictures.map(anchor).join('') +
        `</xdr:wsDr>`,
    );
    types = insertBefore(
      types,
      ['</Types>'],
      `<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
  }
  put('[Content_Types].xml', types);
  // Parts left unchanged keep their compressed bytes: only the new and changed ones are deflated.
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}
