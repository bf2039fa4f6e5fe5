import { describe, expect, it } from 'vitest';
import { alertSubject, inboxWithLive } from './staff-alerts';

const customer = { id: 'c/1' };

describe('alertSubject', () => {
  it('leads to the module request, else the upgrade, else the customer', () => {
    expect(alertSubject({ customer, moduleRequest: { id: 'r1' }, upgrade: null })).toEqual({
      kind: 'request',
      id: 'r1',
    });
    expect(alertSubject({ customer, moduleRequest: null, upgrade: { id: 'u1' } })).toEqual({
      kind: 'upgrade',
      id: 'u1',
    });
    expect(alertSubject({ customer, moduleRequest: null, upgrade: null })).toEqual({ kind: 'customer', id: 'c/1' });
  });
});

describe('inboxWithLive', () => {
  const loaded = {
    alerts: [
      { id: 'a2', read: false },
      { id: 'a1', read: true },
    ],
    unreadCount: 4,
  };

  it('puts live alerts first and counts them unread', () => {
    const inbox = inboxWithLive(loaded, [
      { id: 'a4', read: false },
      { id: 'a3', read: false },
    ]);
    expect(inbox.alerts.map((alert) => alert.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(inbox.unreadCount).toBe(6);
    expect(inbox.arrived).toBe(2);
  });

  it('does not show twice an alert the reloaded page already holds, nor one delivered twice', () => {
    const inbox = inboxWithLive(loaded, [
      { id: 'a3', read: false },
      { id: 'a3', read: false },
      { id: 'a2', read: false },
    ]);
    expect(inbox.alerts.map((alert) => alert.id)).toEqual(['a3', 'a2', 'a1']);
    expect(inbox.unreadCount).toBe(5);
  });

  it('keeps only unread live alerts in the unread view', () => {
    const inbox = inboxWithLive({ alerts: [], unreadCount: 0 }, [{ id: 'a5', read: true }], true);
    expect(inbox.alerts).toEqual([]);
    expect(inbox.unreadCount).toBe(0);
  });
});
