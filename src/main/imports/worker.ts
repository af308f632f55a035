/**
 * The contained import process's entry: receives one task and its data, runs it, sends back
 * the result or the refusal (a DomainError's code, French message and fields), and exits.
 * Anything else that goes wrong is reported as `failed` without its message (it could quote
 * the file). It runs as an Electron utility process in the app, a Node child process under
 * tests and the CLI: both give it a message port, under different names.
 */
import { DomainError } from '../../shared/result';
import { tasks, type TaskName } from './tasks';

export type WorkerReply =
  | { kind: 'done'; value: unknown }
  | { kind: 'refused'; code: DomainError['code']; message: string; fields?: Record<string, string> }
  | { kind: 'failed'; name: string };

export interface WorkerRequest {
  task: TaskName;
  input: unknown;
}

/** Runs a task; parsers may be asynchronous (exceljs reads a workbook with a promise). */
async function run({ task, input }: WorkerRequest): Promise<WorkerReply> {
  try {
    const parse = tasks[task] as (input: unknown) => unknown;
    return { kind: 'done', value: await parse(input) };
  } catch (error) {
    return error instanceof DomainError
      ? { kind: 'refused', code: error.code, message: error.message, fields: error.fields }
      : { kind: 'failed', name: error instanceof Error ? error.name : typeof error };
  }
}

interface ParentPort {
  on(event: 'message', listener: (event: { data: WorkerRequest }) => void): void;
  postMessage(message: WorkerReply): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (parentPort) {
  // Electron utility process.
  parentPort.on('message', ({ data }) => {
    void run(data).then((reply) => {
      parentPort.postMessage(reply);
      process.exit(0);
    });
  });
} else {
  // Node child process (fork): answer, then leave once the answer is sent.
  process.once('message', (request: WorkerRequest) => {
    void run(request).then((reply) => process.send!(reply, () => process.exit(0)));
  });
}
