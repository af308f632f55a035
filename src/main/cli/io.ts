/**
 * The command line's streams, and how it reads secrets: from an environment variable, from
 * the terminal without echo, or from the first line of a pipe. Never from the arguments.
 */
import { StringDecoder } from 'node:string_decoder';

export interface CliInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface CliIO {
  stdin: CliInput;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

/** The person interrupted a prompt (Ctrl+C). */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** The command line is malformed: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Reads the first line of a stream (without its line ending); null when it ends empty. */
export function readFirstLine(stream: CliInput): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let text = '';
    const finish = (value: string | null) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.pause();
      resolve(value === null ? null : value.replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer | string) => {
      text += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      const end = text.indexOf('\n');
      if (end >= 0) finish(text.slice(0, end));
    };
    const onEnd = () => {
      text += decoder.end();
      finish(text.length > 0 ? text : null);
    };
    const onError = (error: unknown) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.resume();
  });
}

/** ESC [ parameters letter: what arrow, function and editing keys send. */
const ESCAPE_SEQUENCE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z~]`, 'g');

/** Asks on the terminal without showing what is typed; Enter ends, Ctrl+C cancels. */
export function readHidden(io: CliIO, prompt: string): Promise<string> {
  const { stdin, stderr } = io;
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let typed = '';
    stderr.write(prompt);
    stdin.setRawMode?.(true);
    const stop = () => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: Buffer | string) => {
      // Arrow keys and the like arrive as escape sequences: they are not part of a passphrase.
      const text = (typeof chunk === 'string' ? chunk : decoder.write(chunk)).replace(
        ESCAPE_SEQUENCE,
        '',
      );
      const chars = Array.from(text);
      for (const [index, char] of chars.entries()) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stop();
          // Whatever followed (a second pasted line) is left for the next prompt.
          const rest = chars
            .slice(index + 1)
            .join('')
            .replace(/^\n/, '');
          if (rest) stdin.unshift(Buffer.from(rest));
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          stop();
          reject(new CancelledError());
          return;
        }
        if (char === '\u007f' || char === '\b') typed = Array.from(typed).slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

export type SecretSource = 'env' | 'terminal' | 'stdin';

/**
 * Gets a secret: the environment variable when set, else a hidden prompt on a terminal,
 * else the first line of standard input. Null when nothing came (an empty pipe).
 */
export async function readSecret(
  io: CliIO,
  envVar: string,
  prompt: string,
): Promise<{ value: string | null; source: SecretSource }> {
  const fromEnv = io.env[envVar];
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: 'env' };
  if (io.stdin.isTTY) return { value: await readHidden(io, prompt), source: 'terminal' };
  return { value: await readFirstLine(io.stdin), source: 'stdin' };
}
