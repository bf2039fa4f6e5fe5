import { describe, expect, it } from 'vitest';
import { policyValues, readPolicyForm } from './policy-form';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
};

describe('the notice-policy form', () => {
  it('reads whole numbers, empty as none, and the flags from their checkboxes', () => {
    const { input, state } = readPolicyForm(
      form({ announcementLeadDays: ' 15 ', reminderLeadHours: '72', imminentLeadMinutes: '', sandboxRequired: 'on' }),
      'FEATURE',
    );
    expect(state.errors).toEqual({});
    expect(input).toMatchObject({
      kind: 'FEATURE',
      announcementLeadDays: 15,
      reminderLeadHours: 72,
      imminentLeadMinutes: null,
      sandboxRequired: true,
      advisoryOnSchedule: false,
    });
  });

  it('refuses what is not a whole number, and keeps what was typed', () => {
    const { input, state } = readPolicyForm(form({ reminderLeadHours: '-3', quietHoursStart: '18.5' }), 'SERVER');
    expect(input).toBeNull();
    expect(state.errors).toEqual({
      reminderLeadHours: 'console.policies.error.number',
      quietHoursStart: 'console.policies.error.number',
    });
    expect(state.values.reminderLeadHours).toBe('-3');
  });

  it("shows a policy's unused offsets empty", () => {
    const values = policyValues({
      announcementLeadDays: null,
      announcementMinLeadDays: null,
      announcementMaxLeadDays: null,
      reminderLeadHours: null,
      finalReminderLeadHours: 24,
      imminentLeadMinutes: 30,
      minimumNoticeHours: 24,
      typicalDowntimeMinutes: 60,
      quietHoursStart: 18,
      quietHoursEnd: 6,
      acknowledgementCallMinutes: 240,
      advisoryOnSchedule: false,
      sandboxRequired: false,
    });
    expect(values.announcementLeadDays).toBe('');
    expect(values.imminentLeadMinutes).toBe('30');
  });
});
