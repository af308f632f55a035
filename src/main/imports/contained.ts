/**
 * Contained imports: a file someone sent is parsed in a separate process with its own memory
 * limit and a deadline, never in the app's own process. A file that loops forever or swells
 * in memory ends that process only: the caller gets INVALID_INPUT with a French message,
 * nothing is written, the app goes on. The process returns plain data; the caller writes it.
 *
 * Which process. In the app, an Electron utility process (`utilityProcess.fork`: a Node
 * process that Electron starts itself, unaffected by the disabled run-as-node fuse). Under
 * vitest, tsx and the CLI, a Node child process (`child_process.fork`). A worker thread is not
 * enough: a heap overflow inside one can still abort the whole process.
 *
 * Where its code is. electron-vite bundles src/main into out/main/index.js; each contained
 * process is a second entry of that build (`importWorker`, `integrityWorker` in
 * electron.vite.config.ts), so at run time it is `<name>.js` beside this bundle. From source,
 * it is the file named in PROCESSES, loaded through tsx (`--import tsx`).
 *
 * The vault's background integrity check (vault/integrity.ts) starts its process here too: it
 * can be killed at once when the vault locks, which a worker thread stuck in SQLite cannot.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DomainError } from '../../shared/result';
import type { TaskInput, TaskName, TaskOutput } from './tasks';
import type { WorkerReply, WorkerRequest } from './worker';

export interface Limits {
  /** The process's JavaScript heap, in MiB. */
  maxMemoryMb: number;
  /** Wall-clock time from start to answer, start-up included, in milliseconds. */
  timeoutMs: number;
  /** The input field the French message is attached to (e.g. `content`). */
  field?: string;
}

/** The contained processes: their source file (beside this one) and the name the OS shows. */
const PROCESSES = {
  importWorker: { source: './worker.ts', serviceName: 'Balise — lecture d’un fichier importé' },
  integrityWorker: {
    source: '../vault/integrityWorker.ts',
    serviceName: 'Balise — contrôle d’intégrité du coffre',
  },
};
export type ContainedName = keyof typeof PROCESSES;

const fromSource = import.meta.url.endsWith('.ts');

function entry(name: ContainedName): { path: string; loader: string[] } {
  if (!fromSource) {
    // A variable, not a literal: the bundler must not treat the entry as an asset to inline.
    const bundled = `${name}.js`;
    return { path: fileURLToPath(new URL(bundled, import.meta.url)), loader: [] };
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return {
    path: fileURLToPath(new URL(PROCESSES[name].source, import.meta.url)),
    loader: ['--import', tsx],
  };
}

/** The few things a caller needs of a contained process, whichever kind it is. */
export interface ContainedProcess<Request, Reply> {
  send(request: Request): void;
  onReply(listener: (reply: Reply) => void): void;
  onExit(listener: () => void): void;
  /** Ends the process at once (SIGKILL for a Node child); `onExit` listeners follow. */
  kill(): void;
}

/**
 * The JavaScript engine's settings of a contained process: its heap limit, and a young
 * generation of 8 MiB. A contained process does batch work that makes garbage fast (exceljs
 * makes objects for every cell it reads or writes); with V8's default, its young generation
 * grows to tens of MiB and the garbage arrays of bytes wait for a full collection: writing the
 * national Bilan annuel (spec received, workbook and CSV written) peaked at 545–555 MiB,
 * 290 MiB with this setting, in the same time.
 */
export const containedV8Flags = (maxMemoryMb: number): string[] => [
  `--max-old-space-size=${maxMemoryMb}`,
  '--max-semi-space-size=8',
];

/** Starts a contained process with a JavaScript heap of `maxMemoryMb` MiB. */
export async function startContained<Request, Reply>(
  name: ContainedName,
  maxMemoryMb: number,
): Promise<ContainedProcess<Request, Reply>> {
  const { path, loader } = entry(name);
  const execArgv = [...loader, ...containedV8Flags(maxMemoryMb)];
  if (process.versions.electron) {
    const { utilityProcess } = await import('electron');
    const child = utilityProcess.fork(path, [], {
      execArgv,
      stdio: 'ignore', // its output, if any, is dropped: it could quote the file
      serviceName: PROCESSES[name].serviceName,
    });
    return {
      send: (request) => child.postMessage(request),
      onReply: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', listener),
      kill: () => void child.kill(),
    };
  }
  const child = fork(path, [], {
    execArgv,
    env: {}, // a contained process needs no environment variable (and gets no secret)
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
  return {
    send: (request) => child.send(request as object),
    onReply: (listener) => child.on('message', listener as (reply: unknown) => void),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill('SIGKILL'),
  };
}

/** Why a contained task was stopped, in the person's words. */
export const STOPPED = {
  timeout: (seconds: number) =>
    `La lecture du fichier a été arrêtée au bout de ${seconds} secondes : il est trop complexe, abîmé ou piégé. Rien n’a été importé.`,
  failed: () =>
    'La lecture du fichier a été arrêtée : son contenu est inattendu, abîmé, ou demandait trop de mémoire. Rien n’a été importé.',
};

/** Runs a parser of tasks.ts in a separate process with a memory limit and a deadline. */
export async function runContained<T extends TaskName>(
  task: T,
  input: TaskInput<T>,
  limits: Limits,
): Promise<TaskOutput<T>> {
  const refuse = (message: string) =>
    new DomainError(
      'INVALID_INPUT',
      message,
      limits.field ? { [limits.field]: message } : undefined,
    );
  const child = await startContained<WorkerRequest, WorkerReply>(
    'importWorker',
    limits.maxMemoryMb,
  );
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(refuse(STOPPED.timeout(Math.round(limits.timeoutMs / 1000))))),
      limits.timeoutMs,
    );
    child.onReply((reply) =>
      finish(() => {
        if (reply.kind === 'done') resolve(reply.value as TaskOutput<T>);
        else if (reply.kind === 'refused')
          reject(new DomainError(reply.code, reply.message, reply.fields));
        else reject(refuse(STOPPED.failed()));
      }),
    );
    // Killed for its memory, crashed, or gone without answering.
    child.onExit(() => finish(() => reject(refuse(STOPPED.failed()))));
    child.send({ task, input });
  });
}
