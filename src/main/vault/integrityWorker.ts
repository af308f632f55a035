/**
 * The background integrity check's process (started by vault/integrity.ts through
 * imports/contained.ts): receives the database file and its key, opens its own read-only
 * connection, runs SQLite's quick_check and answers with the verdict. It then waits to be
 * killed: the parent ends it on the answer, when the vault locks, or by going away. The key
 * exists here only in memory, for the time it takes to open the file; nothing is logged.
 */
import { setPriority } from 'node:os';
import { openConnection, type Connection } from '../db/connection';
import {
  isDamageError,
  quickCheck,
  sqliteCodeOf,
  type IntegrityReply,
  type IntegrityRequest,
} from './integrity';

function check({ file, key }: IntegrityRequest): IntegrityReply {
  try {
    // Below the app's own priority: the person's first pages after unlocking come first.
    setPriority(10);
  } catch {
    // Not allowed on this system: the check runs at normal priority.
  }
  const bytes = Buffer.from(key);
  key.fill(0);
  let conn: Connection;
  try {
    conn = openConnection(file, bytes, { readonly: true });
  } catch (error) {
    return verdictOfFailure(error);
  } finally {
    bytes.fill(0);
  }
  try {
    conn.pragma('cache_size = -2048'); // every page is read once: a small cache is enough
    return { integrity: quickCheck(conn) };
  } catch (error) {
    return verdictOfFailure(error);
  } finally {
    conn.close();
  }
}

/** A damaged file says so; anything else means the check could not run (its code only). */
function verdictOfFailure(error: unknown): IntegrityReply {
  if (isDamageError(error)) return { integrity: 'abimee' };
  return { integrity: 'inconnue', failure: sqliteCodeOf(error) ?? 'error' };
}

interface ParentPort {
  on(event: 'message', listener: (event: { data: IntegrityRequest }) => void): void;
  postMessage(message: IntegrityReply): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (parentPort) {
  // Electron utility process: Electron ends it with the app at the latest.
  parentPort.on('message', ({ data }) => parentPort.postMessage(check(data)));
} else {
  // Node child process (fork): the open IPC channel keeps it alive until it is killed, and
  // it leaves by itself if the parent goes away.
  process.once('message', (request: IntegrityRequest) => process.send!(check(request)));
  process.once('disconnect', () => process.exit(0));
}
