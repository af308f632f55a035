/**
 * Hands a file the app produced (an attendance sheet, an .ics export) to the person: a Blob
 * behind a temporary object URL and an <a download> click, which Electron turns into the
 * system's « Enregistrer sous » dialog. Nothing is written by the app itself.
 */
export function saveFile(fileName: string, mimeType: string, content: string | Uint8Array): void {
  // A copy of the bytes, so the Blob owns a plain ArrayBuffer whatever the caller passed.
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the URL by then; revoking at once can cut it short.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** base64 → bytes (files come from main as base64). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
