/** Contained parsing: the worker answers, refuses, and is stopped on time and memory. */
import { describe, expect, it } from 'vitest';
import { runContained } from '../../src/main/imports/contained';

const VEVENT = (uid: string, extra = '') =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270114T090000Z\r\nDTEND:20270114T110000Z\r\nSUMMARY:Rencontre ${uid}\r\n${extra}END:VEVENT\r\n`;
const calendar = (body: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//FR\r\n${body}END:VCALENDAR\r\n`;

describe('contained imports', () => {
  it('parses in a worker and returns plain events', async () => {
    const out = await runContained('ics', calendar(VEVENT('a') + VEVENT('b')), {
      maxMemoryMb: 128,
      timeoutMs: 15_000,
    });
    expect(out.events.map((e) => e.uid)).toEqual(['a', 'b']);
    expect(out.events[0]!.fields.title).toBe('Rencontre a');
  });

  it('passes on a refusal with its French message', async () => {
    await expect(
      runContained('ics', 'pas un calendrier', { maxMemoryMb: 128, timeoutMs: 15_000 }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Ce fichier n’est pas un calendrier .ics lisible.',
    });
  });

  it('stops a parse that never ends, with a French message', async () => {
    // A daily rule on 30 February never yields a date: ical.js searches for ever.
    const rule = 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\n';
    const started = Date.now();
    await expect(
      runContained('ics', calendar(VEVENT('x', rule)), {
        maxMemoryMb: 128,
        timeoutMs: 3_000,
        field: 'content',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { content: expect.any(String) } });
    const elapsed = Date.now() - started;
    console.log(`contained: endless rule stopped after ${elapsed} ms (deadline 3000 ms)`);
    expect(elapsed).toBeLessThan(6_000);
  });

  it('stops a parse that needs more memory than allowed, with a French message', async () => {
    const many = Array.from({ length: 40_000 }, (_, i) => `X-PROP-${i}:${'v'.repeat(60)}\r\n`);
    const started = Date.now();
    await expect(
      runContained('ics', calendar(VEVENT('m', many.join(''))), {
        maxMemoryMb: 16,
        timeoutMs: 15_000,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('trop de mémoire'),
    });
    console.log(
      `contained: 16 MiB worker stopped on a ${many.length}-line event after ${Date.now() - started} ms`,
    );
  });
});
