import type { Result } from '../shared/result';

/** What the preload exposes to the page: one function, nothing else. */
interface BaliseBridge {
  invoke(route: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    api: BaliseBridge;
  }
}

export {};
