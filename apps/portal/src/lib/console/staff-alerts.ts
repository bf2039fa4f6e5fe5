// The staff inbox: where each alert leads, and the alerts that arrived live merged with those the
// page loaded. Pure: unit-tested beside.

export interface AlertSubjectFields {
  customer: { id: string };
  moduleRequest: { id: string } | null;
  upgrade: { id: string } | null;
}

/** What an alert is about, most specific first: a module request, an upgrade, else its customer. */
export type AlertSubject =
  { kind: 'request'; id: string } | { kind: 'upgrade'; id: string } | { kind: 'customer'; id: string };

export function alertSubject(alert: AlertSubjectFields): AlertSubject {
  if (alert.moduleRequest) return { kind: 'request', id: alert.moduleRequest.id };
  if (alert.upgrade) return { kind: 'upgrade', id: alert.upgrade.id };
  return { kind: 'customer', id: alert.customer.id };
}

/**
 * The inbox as shown: alerts that arrived live and are not in the loaded list yet (newest first),
 * then the loaded ones, with the unread count adjusted for the live ones. A reload after a form
 * holds the live alerts itself, so they are not shown twice.
 */
export function inboxWithLive<A extends { id: string; read: boolean }>(
  loaded: { alerts: readonly A[]; unreadCount: number },
  live: readonly A[],
  unreadOnly = false,
): { alerts: A[]; unreadCount: number; arrived: number } {
  const known = new Set(loaded.alerts.map((alert) => alert.id));
  const seen = new Set<string>();
  const arrived = live.filter((alert) => {
    if (known.has(alert.id) || seen.has(alert.id)) return false;
    seen.add(alert.id);
    return !unreadOnly || !alert.read;
  });
  return {
    alerts: [...arrived, ...loaded.alerts],
    unreadCount: loaded.unreadCount + arrived.filter((alert) => !alert.read).length,
    arrived: arrived.length,
  };
}
