import { describe, expect, it } from 'vitest';
import { CUSTOMER_ADMIN, fakeEvent } from '../../../tests/fake-event';
import { _parseBlackoutForm, _parseTokenForm, actions } from './+page.server';

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

describe('blackout window form', () => {
  it("reads the times in the customer's zone", () => {
    const parsed = _parseBlackoutForm(
      form({ reason: ' Khóa sổ cuối năm ', startsAt: '2026-12-29T00:00', endsAt: '2027-01-03T00:00' }),
      'Asia/Ho_Chi_Minh',
    );
    expect(parsed).toEqual({
      ok: true,
      input: { reason: 'Khóa sổ cuối năm', startsAt: '2026-12-28T17:00:00.000Z', endsAt: '2027-01-02T17:00:00.000Z' },
    });
  });

  it('points at each mistake', () => {
    const parsed = _parseBlackoutForm(
      form({ reason: '', startsAt: 'soon', endsAt: '2026-12-01T00:00' }),
      'Asia/Ho_Chi_Minh',
    );
    expect(parsed).toMatchObject({
      ok: false,
      errors: { reason: 'settings.blackoutError.reason', startsAt: 'settings.blackoutError.time' },
    });
    const backwards = _parseBlackoutForm(
      form({ reason: 'Payroll', startsAt: '2026-12-02T00:00', endsAt: '2026-12-01T00:00' }),
      'Asia/Ho_Chi_Minh',
    );
    expect(backwards).toMatchObject({ ok: false, errors: { endsAt: 'settings.blackoutError.order' } });
  });
});

describe('API token form', () => {
  const now = new Date('2026-11-28T00:00:00Z');

  it('keeps known scopes and ends the token at the end of the chosen day', () => {
    const parsed = _parseTokenForm(
      form({ name: 'Power BI', scopes: ['READ', 'ADMIN'], expiresAt: '2027-01-31' }),
      'Asia/Ho_Chi_Minh',
      now,
    );
    expect(parsed).toEqual({
      ok: true,
      input: { name: 'Power BI', scopes: ['READ'], expiresAt: '2027-01-31T16:59:59.000Z' },
    });
  });

  it('needs a name and a scope, and a future expiry', () => {
    expect(_parseTokenForm(form({ name: '', expiresAt: '2026-01-01' }), 'Asia/Ho_Chi_Minh', now)).toMatchObject({
      ok: false,
      errors: {
        name: 'settings.tokenError.name',
        scopes: 'settings.tokenError.scopes',
        expiresAt: 'settings.tokenError.expires',
      },
    });
  });

  it('reveals the new token once, in the action result', async () => {
    const { event, calls } = fakeEvent({
      url: '/settings?/createToken',
      viewer: CUSTOMER_ADMIN,
      form: { name: 'Power BI', scopes: 'READ' },
      answers: {
        ApiTokenCreate: {
          data: { apiTokenCreate: { token: 'udt_secret', apiToken: { id: 't1', name: 'Power BI' }, userErrors: [] } },
        },
      },
    });
    expect(await actions.createToken!(event)).toEqual({
      token: { created: { name: 'Power BI', value: 'udt_secret' } },
    });
    expect(calls[0]?.variables).toEqual({ input: { name: 'Power BI', scopes: ['READ'], expiresAt: null } });
  });
});
