// Where a customer stands with the acknowledgements an upgrade asked of it: the one rule the staff
// board and the upgrade page show (through the API), so "overdue" means the same everywhere. The
// escalation worker and the overdue list select by the same rule in SQL (`acknowledgeBy < now`).
import type { NoticeStage } from './enums.ts';

export const ACKNOWLEDGEMENT_STATES = ['OVERDUE', 'PENDING', 'ACKNOWLEDGED', 'NOT_ASKED'] as const;
export type AcknowledgementState = (typeof ACKNOWLEDGEMENT_STATES)[number];

/** One of the customer's notices of the upgrade, as the rule reads it. */
export interface AcknowledgementNotice {
  stage: NoticeStage;
  requiresAcknowledgement: boolean;
  acknowledgeBy: Date | null;
  /** The customer's acknowledgement, if given: when, and the name of the user who gave it (null once deleted). */
  acknowledgement: { at: Date; by: string | null } | null;
  /** Replaced by a new plan and never sent: it asks nothing of the customer. */
  superseded: boolean;
}

export interface GivenAcknowledgement {
  stage: NoticeStage;
  name: string | null;
  at: Date;
}

export interface AcknowledgementStanding {
  state: AcknowledgementState;
  acknowledged: number;
  pending: number;
  overdue: number;
  /** The earliest deadline still open (pending or overdue), else null. */
  deadline: Date | null;
  /** Who acknowledged which notice, and when, oldest first. */
  by: GivenAcknowledgement[];
}

/** An unacknowledged notice is overdue once its deadline has passed; at the deadline itself it is still on time. */
export function isAcknowledgementOverdue(notice: AcknowledgementNotice, now: Date): boolean {
  return (
    notice.acknowledgement === null && notice.acknowledgeBy !== null && notice.acknowledgeBy.getTime() < now.getTime()
  );
}

/**
 * One customer's standing at `now`, from its notices of one upgrade: OVERDUE when a notice past its
 * deadline is unacknowledged, PENDING while one still awaits it in time, ACKNOWLEDGED once every
 * notice asking for it was, NOT_ASKED before any notice asked. Notices that ask nothing, and
 * superseded ones, do not count.
 */
export function acknowledgementStanding(notices: readonly AcknowledgementNotice[], now: Date): AcknowledgementStanding {
  const asked = notices.filter((n) => n.requiresAcknowledgement && !n.superseded);
  const open = asked.filter((n) => n.acknowledgement === null);
  const overdue = open.filter((n) => isAcknowledgementOverdue(n, now)).length;
  const by = asked
    .flatMap((n) =>
      n.acknowledgement ? [{ stage: n.stage, name: n.acknowledgement.by, at: n.acknowledgement.at }] : [],
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const deadlines = open.flatMap((n) => (n.acknowledgeBy ? [n.acknowledgeBy] : []));
  const deadline = deadlines.reduce<Date | null>((first, d) => (first === null || d < first ? d : first), null);
  const state: AcknowledgementState =
    asked.length === 0 ? 'NOT_ASKED' : overdue > 0 ? 'OVERDUE' : open.length > 0 ? 'PENDING' : 'ACKNOWLEDGED';
  return { state, acknowledged: by.length, pending: open.length - overdue, overdue, deadline, by };
}
