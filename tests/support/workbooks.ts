import ExcelJS from 'exceljs';

/** Opens a workbook the app wrote (raw bytes, or base64 as the API returns them). */
export async function loadWorkbook(content: Uint8Array | string): Promise<ExcelJS.Workbook> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'base64') : Buffer.from(content);
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}
