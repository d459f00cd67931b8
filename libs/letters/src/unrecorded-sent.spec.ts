import { HELD_AT_MOST_MS, UnrecordedSent, type Sent } from './unrecorded-sent';

const a: Sent = { id: 'a', letterId: 'letter-a', messageId: '<a@npa>' };
const b: Sent = { id: 'b', letterId: 'letter-b', messageId: '<b@npa>' };

type Step = { hold: Sent } | { take: Sent | null } | { wait: number } | 'settle' | { failNext: true };

/** Runs the steps with fake timers; returns the emails written alone or by settle, in order, and those handed on when their write failed. */
async function run(steps: Step[]): Promise<{ written: string[]; failed: string[] }> {
  const written: string[] = [];
  const failed: string[] = [];
  let fail = false;
  const unrecorded = new UnrecordedSent(
    async (sent) => {
      if (fail) {
        fail = false;
        throw new Error('database away');
      }
      written.push(sent.id);
    },
    async (sent) => {
      failed.push(sent.id);
    },
  );
  for (const step of steps) {
    if (step === 'settle') await unrecorded.settle();
    else if ('hold' in step) unrecorded.hold(step.hold);
    else if ('take' in step) expect(unrecorded.take()).toEqual(step.take);
    else if ('wait' in step) await jest.advanceTimersByTimeAsync(step.wait);
    else fail = true;
  }
  return { written, failed };
}

describe('UnrecordedSent: a sent email waits a little for the next data start to write it, and is never dropped', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const cases: { name: string; steps: Step[]; written: string[]; failed?: string[] }[] = [
    { name: 'taken by the next data start in time: not written alone', steps: [{ hold: a }, { wait: 10 }, { take: a }, 'settle'], written: [] },
    {
      name: 'not taken in time: written alone, and nothing left to take',
      steps: [{ hold: a }, { wait: HELD_AT_MOST_MS }, { take: null }, 'settle'],
      written: ['a'],
    },
    { name: 'the last one, held when the job ends: written by settle', steps: [{ hold: a }, 'settle'], written: ['a'] },
    {
      name: 'put back after the data start failed: written alone in time',
      steps: [{ hold: a }, { take: a }, { hold: a }, { wait: HELD_AT_MOST_MS }, 'settle'],
      written: ['a'],
    },
    { name: 'a second held while one is: the first is written alone at once', steps: [{ hold: a }, { hold: b }, { take: b }, 'settle'], written: ['a'] },
    {
      name: 'written alone before the last: settle writes the last after it',
      steps: [{ hold: a }, { wait: HELD_AT_MOST_MS }, { hold: b }, 'settle'],
      written: ['a', 'b'],
    },
    {
      name: 'a write alone that fails is handed on, and the job still ends',
      steps: [{ failNext: true }, { hold: a }, { wait: HELD_AT_MOST_MS }, 'settle'],
      written: [],
      failed: ['a'],
    },
    {
      name: 'the last write that fails is handed on too, and one written alone after a failure still is',
      steps: [{ failNext: true }, { hold: a }, { wait: HELD_AT_MOST_MS }, { hold: b }, { failNext: true }, 'settle'],
      written: [],
      failed: ['a', 'b'],
    },
    {
      name: 'after a failed write alone, the next one held is still written',
      steps: [{ failNext: true }, { hold: a }, { wait: HELD_AT_MOST_MS }, { hold: b }, { wait: HELD_AT_MOST_MS }, 'settle'],
      written: ['b'],
      failed: ['a'],
    },
  ];

  it.each(cases)('$name', async ({ steps, written, failed = [] }) => {
    expect(await run(steps)).toEqual({ written, failed });
  });
});
