/**
 * The vault's integrity check: SQLite's quick_check, which reads and decrypts every page (about
 * 2.8 s for a national-sized file). Unlocking no longer waits for it: the vault opens once its
 * key is proved right and its schema read, and the check runs in a contained process
 * (integrityWorker.ts) with its own read-only connection. Locking kills that process at once.
 * A damaged file is also recognised whenever SQLite reports one (SQLITE_CORRUPT, SQLITE_NOTADB),
 * from the check or from any query.
 */
import type { VaultIntegrity } from '../../shared/api/vault';
import { DomainError } from '../../shared/result';
import type { Connection } from '../db/connection';
import { startContained, type ContainedProcess } from '../imports/contained';
import { logError } from '../log';

/** What the person reads when the vault's file is found damaged while it is open. */
export const DAMAGED_VAULT_MESSAGE =
  'Le fichier de données du coffre est abîmé (le contrôle d’intégrité échoue). Pour ne rien aggraver, Balise n’y enregistre plus rien : restaurez une sauvegarde (page Sauvegardes).';

export const damagedVaultError = () => new DomainError('VAULT_DAMAGED', DAMAGED_VAULT_MESSAGE);

/** A SQLite error's code (SQLITE_CORRUPT, SQLITE_READONLY…), looked for along the causes. */
export function sqliteCodeOf(error: unknown): string | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** SQLite found the file damaged: a page that does not decrypt, a malformed b-tree. */
export function isDamageError(error: unknown): boolean {
  const code = sqliteCodeOf(error);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Runs quick_check on an open connection: 'ok', or 'abimee' when it reports a problem or
 * stops on a damaged page. Any other failure (a busy or vanished file) is thrown.
 */
export function quickCheck(conn: Connection): 'ok' | 'abimee' {
  try {
    const rows = conn.pragma('quick_check') as { quick_check: string }[];
    return rows.every((r) => r.quick_check === 'ok') ? 'ok' : 'abimee';
  } catch (error) {
    if (isDamageError(error)) return 'abimee';
    throw error;
  }
}

/** What the parent sends the check's process: the file and its raw key, nothing else. */
export interface IntegrityRequest {
  file: string;
  key: Uint8Array;
}

/** The process's answer; `failure` is a SQLite code or 'error', never a message. */
export interface IntegrityReply {
  integrity: 'ok' | 'abimee' | 'inconnue';
  failure?: string;
}

export interface BackgroundCheck {
  /** 'ok' or 'abimee'; 'inconnue' when the check could not run or was stopped. */
  readonly verdict: Promise<Exclude<VaultIntegrity, 'en_cours'>>;
  /** Kills the check's process if it still runs and resolves once it is gone (its file closed). */
  stop(): Promise<void>;
}

/** Longest wait for a killed process to be reported gone before locking goes on anyway. */
const EXIT_WAIT_MS = 5_000;

/**
 * Starts quick_check of `file` in a contained process. The key is copied into the message and
 * that copy wiped once sent; the caller keeps (and wipes) its own.
 */
export function checkInBackground(file: string, key: Buffer): BackgroundCheck {
  let stopped = false;
  let answered = false;
  let child: ContainedProcess<IntegrityRequest, IntegrityReply> | null = null;
  let settle: (verdict: Exclude<VaultIntegrity, 'en_cours'>) => void = () => undefined;
  const verdict = new Promise<Exclude<VaultIntegrity, 'en_cours'>>((resolve) => {
    settle = resolve;
  });
  let markGone: () => void = () => undefined;
  const gone = new Promise<void>((resolve) => {
    markGone = resolve;
  });
  const keyCopy = new Uint8Array(key);

  const started = startContained<IntegrityRequest, IntegrityReply>('integrityWorker', 64).then(
    (checker) => {
      child = checker;
      checker.onExit(() => {
        markGone();
        if (!stopped && !answered) logError('integrity check: its process ended without an answer');
        settle('inconnue');
      });
      checker.onReply((reply) => {
        answered = true;
        if (reply.integrity === 'inconnue')
          logError(`integrity check could not run (${reply.failure ?? 'error'})`);
        settle(reply.integrity);
        checker.kill();
      });
      if (stopped) return checker.kill();
      try {
        checker.send({ file, key: keyCopy });
      } catch (error) {
        logError('integrity check: the request could not be sent', error);
        checker.kill();
      }
    },
    (error: unknown) => {
      logError('integrity check: its process could not start', error);
      markGone();
      settle('inconnue');
    },
  );
  // Sent (serialised) or never to be: the copy is no longer needed either way.
  void started.then(() => keyCopy.fill(0));

  return {
    verdict,
    async stop() {
      stopped = true;
      settle('inconnue');
      await started;
      (child as ContainedProcess<IntegrityRequest, IntegrityReply> | null)?.kill();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        gone,
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            logError('integrity check: its process did not end in time');
            resolve();
          }, EXIT_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
