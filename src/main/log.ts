/**
 * Logging without personal data: only messages written by the code, error names, codes
 * and stack frames; never the input of a route, the content of a record or an error's
 * message (a database error can quote a value). It writes to standard error only: no log
 * file is kept on disk.
 */
export function logError(message: string, detail?: unknown): void {
  const safe =
    detail instanceof Error
      ? [
          `${detail.name}${codeOf(detail)}`,
          // Frames only: a message spread over several lines must not slip through.
          ...(detail.stack?.split('\n').filter((line) => /^\s+at /.test(line)) ?? []),
        ].join('\n')
      : Array.isArray(detail)
        ? detail.join(', ')
        : '';
  console.error(`[balise] ${message}${safe ? `: ${safe}` : ''}`);
}

/** An error's code when it is a constant (SQLITE_CONSTRAINT, ENOENT…), never free text. */
function codeOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? ` (${code})` : '';
}
