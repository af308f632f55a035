/** A real encrypted vault in a temporary folder, unlocked, for integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ParsedInput,
  RouteInput,
  RouteName,
  RouteOutput,
} from '../../src/shared/api/contract';
import { handlers } from '../../src/main/ipc/handlers';
import { dispatch, type Context } from '../../src/main/ipc/router';
import { Session } from '../../src/main/session';
import type { Result } from '../../src/shared/result';
import { TEST_PASSPHRASE, TEST_KDF } from './constants';

export { TEST_PASSPHRASE, TEST_KDF };

export interface TestVault {
  dir: string;
  session: Session;
  ctx: Context;
  /** Calls a route through the real router, as the renderer does. */
  call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<Result<RouteOutput<R>>>;
  /** Calls a route and returns its value, failing the test on an error Result. */
  value<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>>;
  cleanup(): Promise<void>;
}

export async function createTestVault(options: { unlocked?: boolean } = {}): Promise<TestVault> {
  const dir = mkdtempSync(join(tmpdir(), 'balise-test-'));
  const session = new Session(
    { vault: join(dir, 'vault'), demoVault: join(dir, 'demo') },
    { kdf: TEST_KDF },
  );
  const ctx: Context = { session };
  if (options.unlocked ?? true) {
    const { recoveryKey } = await session.vault.create(TEST_PASSPHRASE);
    await session.vault.confirmCreate(recoveryKey);
  }
  const call = <R extends RouteName>(route: R, input: RouteInput<R>) =>
    dispatch(handlers, ctx, route, input) as Promise<Result<RouteOutput<R>>>;
  return {
    dir,
    session,
    ctx,
    call,
    async value(route, input) {
      const result = await call(route, input);
      if (!result.ok)
        throw new Error(
          `${route} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`,
        );
      return result.value;
    },
    async cleanup() {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type { ParsedInput };
