/**
 * Passphrase strength with zxcvbn-ts and its French dictionaries. The dictionaries weigh
 * about a megabyte, so they load on first use, not with the app.
 */
import type { ZxcvbnResult } from '@zxcvbn-ts/core';

export type StrengthCheck = (passphrase: string) => ZxcvbnResult;

/** Below this zxcvbn score (0–4) a passphrase is refused as too easy to guess. */
export const MIN_STRENGTH_SCORE = 2;

export const STRENGTH_LABELS = ['Très faible', 'Faible', 'Moyenne', 'Bonne', 'Excellente'] as const;
export const STRENGTH_COLORS = ['red', 'orange', 'yellow', 'teal', 'green'] as const;

/** Words anyone would try first against a Balise vault. */
const CONTEXT_WORDS = ['balise', 'promeneurs', 'promeneur', 'net', 'coffre', 'caf', 'pdn'];

let loading: Promise<StrengthCheck> | null = null;

export function loadStrengthCheck(): Promise<StrengthCheck> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, fr] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-fr'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      translations: fr.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...fr.dictionary },
    });
    return (passphrase: string) => zxcvbn.check(passphrase, CONTEXT_WORDS);
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
