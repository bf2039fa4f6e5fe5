import {
  EVENT_STAGE,
  eventNotices,
  noticeForTransition,
  noticeRows,
  planNotices,
  windowOverrun,
  type NoticePolicy,
  type NoticeRow,
  type NoticeStage,
  type TargetToPlan,
  type UpgradeToPlan,
} from '@upgrade-desk/domain';
import { plusHours, plusMinutes, type DemoCalendar } from './demo-calendar.ts';
import type { UpgradeSeed } from './data/upgrades.ts';

// The notices an upgrade's history produced, replayed step by step with the functions the API
// runs at each step (planNotices, eventNotices, noticeRows): planned when it was scheduled,
// published when due, superseded when a reschedule or the upgrade's end dropped them.

export interface Window {
  start: Date;
  end: Date;
}

/** A Notice row as the API wrote it, with when it was written and, if dropped, when. */
export interface DemoNotice extends NoticeRow {
  createdAt: Date;
  supersededAt?: Date;
}

export interface UpgradeTimeline {
  scheduledAt: Date;
  rescheduledAt?: Date;
  cancelledAt?: Date;
  /** COMPLETED: when it finished; FAILED: when it was declared failed. */
  finishedAt?: Date;
  /** When the worker saw the work run past the announced end (an overrun notice went out). */
  overranAt?: Date;
}

export interface UpgradeHistory {
  seed: UpgradeSeed;
  /** The upgrade as it stands (current window and sequence). */
  upgrade: UpgradeToPlan;
  policy: NoticePolicy;
  targets: readonly TargetToPlan[];
  /** The window before the reschedule, if it moved. */
  previousWindow?: Window;
  timeline: UpgradeTimeline;
}

/** Every notice of one upgrade, for each target, as the API's steps would have written them. */
export function upgradeNotices({
  seed,
  upgrade,
  policy,
  targets,
  previousWindow,
  timeline,
}: UpgradeHistory): DemoNotice[] {
  if (seed.status === 'DRAFT') return [];
  const notices: DemoNotice[] = [];
  const write = (rows: NoticeRow[], at: Date) => notices.push(...rows.map((row) => ({ ...row, createdAt: at })));
  // The dispatcher publishes a notice when it falls due; what is still pending at a step is superseded.
  const isPublished = (notice: DemoNotice, at: Date) => !notice.supersededAt && notice.scheduledFor <= at;
  const supersedePending = (at: Date) => {
    for (const notice of notices) if (!notice.supersededAt && notice.scheduledFor > at) notice.supersededAt = at;
  };
  const sentStages = (at: Date) => {
    const sent = new Map<string, Set<NoticeStage>>();
    for (const notice of notices.filter((n) => isPublished(n, at))) {
      sent.set(notice.customerId, (sent.get(notice.customerId) ?? new Set()).add(notice.stage));
    }
    return sent;
  };
  const tell = (stage: NoticeStage, at: Date, shape: UpgradeToPlan, options: Parameters<typeof noticeRows>[3]) =>
    write(noticeRows(shape, eventNotices(stage, [...sentStages(at).keys()], at), targets, options), at);

  // Scheduled: the plan for the window then in force.
  const first = previousWindow
    ? { ...upgrade, windowStart: previousWindow.start, windowEnd: previousWindow.end, sequence: 0 }
    : upgrade;
  const firstNoticeAt =
    seed.firstNoticeHoursBefore === undefined ? null : plusHours(first.windowStart, -seed.firstNoticeHoursBefore);
  write(
    noticeRows(first, planNotices({ ...first, firstNoticeAt }, policy, targets, timeline.scheduledAt), targets),
    timeline.scheduledAt,
  );

  if (previousWindow && timeline.rescheduledAt) {
    const movedAt = timeline.rescheduledAt;
    supersedePending(movedAt);
    const sent = sentStages(movedAt);
    tell(EVENT_STAGE.rescheduled, movedAt, upgrade, { previousWindow, reason: seed.rescheduled?.reason });
    write(noticeRows(upgrade, planNotices(upgrade, policy, targets, movedAt, sent), targets), movedAt);
  }

  // Still in progress past the announced end: those told hear of the overrun at once.
  const overranAt = timeline.overranAt;
  if (overranAt && windowOverrun({ ...upgrade, status: 'IN_PROGRESS' }, overranAt)) {
    tell(EVENT_STAGE.overran, overranAt, upgrade, {});
  }

  // Cancelled, completed or failed: what was still pending is dropped, and those told hear the outcome.
  const endStage = noticeForTransition(seed.status);
  const endedAt = seed.status === 'CANCELLED' ? timeline.cancelledAt : timeline.finishedAt;
  if (endStage && endedAt) {
    supersedePending(endedAt);
    const reason = seed.status === 'CANCELLED' ? seed.cancelled?.reason : seed.failureReason;
    tell(endStage, endedAt, upgrade, { reason });
  }
  return notices;
}

/**
 * When an upgrade was scheduled, moved, cancelled and finished, from its seed. Staff decisions
 * made a day or more ahead happen in office hours (10:00, 14:00, 15:30 in Hà Nội); an emergency
 * decided hours ahead keeps its exact time.
 */
export function upgradeTimeline(upgrade: UpgradeSeed, window: Window, calendar: DemoCalendar): UpgradeTimeline {
  const decided = (hoursBefore: number, hour: number, minute: number): Date => {
    const instant = plusHours(window.start, -hoursBefore);
    return hoursBefore >= 24 ? calendar.sameDayAt(instant, hour, minute) : instant;
  };
  const timeline: UpgradeTimeline = {
    scheduledAt: upgrade.status === 'DRAFT' ? calendar.now : decided(upgrade.scheduledHoursBefore, 10, 0),
  };
  if (upgrade.rescheduled) timeline.rescheduledAt = decided(upgrade.rescheduled.hoursBefore, 14, 0);
  if (upgrade.cancelled) timeline.cancelledAt = decided(upgrade.cancelled.hoursBefore, 15, 30);
  if (upgrade.status === 'COMPLETED') {
    timeline.finishedAt = plusMinutes(window.end, upgrade.overranMinutes ?? -10);
    // The worker notices an overrun within its round (a few seconds), shown here as a minute.
    if (upgrade.overranMinutes) timeline.overranAt = plusMinutes(window.end, 1);
  }
  if (upgrade.status === 'FAILED') timeline.finishedAt = plusMinutes(window.end, -15);
  return timeline;
}
