/** A bench vault opened as the app opens it: a Session, unlocked, and the router's dispatch. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handlers } from '../src/main/ipc/handlers';
import { dispatch } from '../src/main/ipc/router';
import { Session } from '../src/main/session';
import type { RouteInput, RouteName, RouteOutput } from '../src/shared/api/contract';
import { BENCH_PASSPHRASE, type BenchVault } from './vaults';

export interface OpenVault {
  session: Session;
  /** Calls a route through the real router (input parsed, output checked) and returns its value. */
  call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>>;
  close(): Promise<void>;
}

export async function openVault(target: BenchVault): Promise<OpenVault> {
  const spare = mkdtempSync(join(tmpdir(), 'balise-bench-demo-'));
  const session = new Session({ vault: target.dir, demoVault: join(spare, 'demo') });
  await session.vault.unlock(BENCH_PASSPHRASE);
  // The integrity check runs in the background after unlocking (seconds on the national vault):
  // let it finish, so that it does not compete for the CPU with what is measured next.
  const integrity = await session.vault.integrityChecked();
  if (integrity !== 'ok') throw new Error(`bench vault ${target.dir}: integrity ${integrity}`);
  return {
    session,
    async call(route, input) {
      const result = await dispatch(handlers, { session }, route, input);
      if (!result.ok) throw new Error(`${route}: ${result.error.code} ${result.error.message}`);
      return result.value as RouteOutput<typeof route>;
    },
    async close() {
      // Locked without the automatic backup a Session makes on close.
      await session.vault.lock();
      rmSync(spare, { recursive: true, force: true });
    },
  };
}
