import { describe, expect, it } from 'vitest';
import { CALL_NOTE_MAX, checkCallNote, windowProposalState, type WindowProposalFacts } from './follow-up.ts';

describe('a call note', () => {
  it('is kept trimmed', () => {
    expect(checkCallNote('  Đã gọi chị Lan, sẽ xác nhận hôm nay.\n')).toEqual({
      ok: true,
      note: 'Đã gọi chị Lan, sẽ xác nhận hôm nay.',
    });
  });

  it.each([[''], ['   '], ['\n\t']])('is refused when empty (%j)', (note) => {
    expect(checkCallNote(note)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('may be as long as the limit, not one character more', () => {
    const atLimit = 'ễ'.repeat(CALL_NOTE_MAX);
    expect(checkCallNote(atLimit)).toEqual({ ok: true, note: atLimit });
    expect(checkCallNote(`${atLimit}a`)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe("a window proposal's state", () => {
  const at = (hour: number) => new Date(Date.UTC(2027, 0, 10, hour));
  const base: WindowProposalFacts = {
    proposed: { start: at(12), end: at(13) },
    customerWindow: { start: at(2), end: at(3) },
    upgradeOpen: true,
    newerFromSameCustomer: false,
  };

  it.each<[string, Partial<WindowProposalFacts>, string]>([
    ['waits for the account team', {}, 'OPEN'],
    ['is accepted once the customer has that window', { customerWindow: { start: at(12), end: at(13) } }, 'ACCEPTED'],
    ['is not accepted by a window that only starts alike', { customerWindow: { start: at(12), end: at(14) } }, 'OPEN'],
    ['gives way to the customer’s later proposal', { newerFromSameCustomer: true }, 'SUPERSEDED'],
    [
      'stays accepted even if the customer proposed again',
      { newerFromSameCustomer: true, customerWindow: { start: at(12), end: at(13) } },
      'ACCEPTED',
    ],
    ['closes when the upgrade can no longer be moved', { upgradeOpen: false }, 'CLOSED'],
  ])('%s', (_name, change, expected) => {
    expect(windowProposalState({ ...base, ...change })).toBe(expected);
  });
});
