/**
 * Logging without personal data: only messages written by the code, error names, codes
 * and stack frames; never the input of a route or the content of a record.
 */
export function logError(message: string, detail?: unknown): void {
  const safe =
    detail instanceof Error
      ? `${detail.name}${'code' in detail ? ` (${String((detail as { code: unknown }).code)})` : ''}\n${detail.stack?.split('\n').slice(1).join('\n') ?? ''}`
      : Array.isArray(detail)
        ? detail.join(', ')
        : '';
  console.error(`[balise] ${message}${safe ? `: ${safe}` : ''}`);
}
