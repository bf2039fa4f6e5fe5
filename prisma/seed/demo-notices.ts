import type { NoticeStage } from '@upgrade-desk/domain';
import { plusHours, plusMinutes, type DemoCalendar } from './demo-calendar.ts';
import type { NoticePolicySeed } from './data/notice-policies.ts';
import type { UpgradeSeed } from './data/upgrades.ts';

// The notices an upgrade's history would have produced under the vendor's policy: planned when
// it was scheduled, published when due, superseded when a reschedule or a cancel dropped them.
// This mirrors the policy for demo purposes only; the product's own planner lives in
// packages/domain and is what the API uses.

export interface Window {
  start: Date;
  end: Date;
}

export interface PlannedNotice {
  stage: NoticeStage;
  /** Notices planned after the n-th reschedule carry sequence n (the upgrade's sequence then). */
  sequence: number;
  scheduledFor: Date;
  /** The window the text describes: the one in force when the notice was planned. */
  window: Window;
  requiresAcknowledgement: boolean;
  acknowledgeBy?: Date;
  supersededAt?: Date;
  previousWindow?: Window;
  reason?: string;
  /** When the notice was planned (its row's createdAt). */
  plannedAt: Date;
}

export interface UpgradeTimeline {
  scheduledAt: Date;
  rescheduledAt?: Date;
  cancelledAt?: Date;
  /** COMPLETED: when it finished; FAILED: when it was declared failed. */
  finishedAt?: Date;
}

function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** The pre-window notices of one plan, per kind, from the policy's lead times. */
function planWindow(
  upgrade: UpgradeSeed,
  policy: NoticePolicySeed,
  window: Window,
  sequence: number,
  plannedAt: Date,
): PlannedNotice[] {
  // A notice whose time has passed when it is planned goes out at once.
  const at = (instant: Date): Date => later(instant, plannedAt);
  const base = { sequence, window, plannedAt, requiresAcknowledgement: false };
  switch (upgrade.kind) {
    case 'FEATURE': {
      const reminderAt = at(plusHours(window.start, -(policy.reminderLeadHours ?? 48)));
      return [
        {
          ...base,
          stage: 'ANNOUNCEMENT',
          scheduledFor: at(plusHours(window.start, -24 * (policy.announcementLeadDays ?? 14))),
          // A FEATURE announcement needs a decision: acknowledged before the reminder goes out.
          requiresAcknowledgement: true,
          acknowledgeBy: reminderAt,
        },
        { ...base, stage: 'REMINDER', scheduledFor: reminderAt },
        {
          ...base,
          stage: 'FINAL_REMINDER',
          scheduledFor: at(plusHours(window.start, -(policy.finalReminderLeadHours ?? 24))),
        },
      ];
    }
    case 'SERVER': {
      const imminentAt = at(plusMinutes(window.start, -(policy.imminentLeadMinutes ?? 30)));
      const firstNoticeHours = upgrade.firstNoticeHoursBefore ?? policy.finalReminderLeadHours ?? 24;
      return [
        {
          ...base,
          stage: 'FINAL_REMINDER',
          scheduledFor: at(plusHours(window.start, -firstNoticeHours)),
          requiresAcknowledgement: true,
          acknowledgeBy: imminentAt,
        },
        { ...base, stage: 'IMMINENT', scheduledFor: imminentAt },
      ];
    }
    case 'FIX':
      return [{ ...base, stage: 'ADVISORY', scheduledFor: plannedAt }];
  }
}

/** Every notice of one upgrade (the same for each target customer; only the rendering differs). */
export function planDemoNotices(
  upgrade: UpgradeSeed,
  policy: NoticePolicySeed,
  window: Window,
  previousWindow: Window | undefined,
  timeline: UpgradeTimeline,
): PlannedNotice[] {
  if (upgrade.status === 'DRAFT') return [];
  const notices: PlannedNotice[] = [];

  if (upgrade.rescheduled && previousWindow && timeline.rescheduledAt) {
    const movedAt = timeline.rescheduledAt;
    const firstPlan = planWindow(upgrade, policy, previousWindow, 0, timeline.scheduledAt);
    const alreadyOut = new Set<NoticeStage>();
    for (const notice of firstPlan) {
      if (notice.scheduledFor.getTime() <= movedAt.getTime()) alreadyOut.add(notice.stage);
      else notice.supersededAt = movedAt;
      notices.push(notice);
    }
    notices.push({
      stage: 'RESCHEDULED',
      sequence: 1,
      scheduledFor: movedAt,
      window,
      previousWindow,
      reason: upgrade.rescheduled.reason,
      requiresAcknowledgement: false,
      plannedAt: movedAt,
    });
    // What was already said is not repeated; what was still pending is planned afresh.
    notices.push(...planWindow(upgrade, policy, window, 1, movedAt).filter((n) => !alreadyOut.has(n.stage)));
  } else {
    notices.push(...planWindow(upgrade, policy, window, 0, timeline.scheduledAt));
  }

  const sequence = upgrade.rescheduled ? 1 : 0;
  if (upgrade.status === 'CANCELLED' && timeline.cancelledAt && upgrade.cancelled) {
    const cancelledAt = timeline.cancelledAt;
    for (const notice of notices) {
      if (!notice.supersededAt && notice.scheduledFor.getTime() > cancelledAt.getTime())
        notice.supersededAt = cancelledAt;
    }
    notices.push({
      stage: 'CANCELLED',
      sequence,
      scheduledFor: cancelledAt,
      window,
      reason: upgrade.cancelled.reason,
      requiresAcknowledgement: false,
      plannedAt: cancelledAt,
    });
  }
  if (upgrade.status === 'COMPLETED' && upgrade.kind === 'FEATURE' && timeline.finishedAt) {
    notices.push({
      stage: 'COMPLETED',
      sequence,
      scheduledFor: timeline.finishedAt,
      window,
      requiresAcknowledgement: false,
      plannedAt: timeline.finishedAt,
    });
  }
  if (upgrade.status === 'FAILED' && timeline.finishedAt) {
    notices.push({
      stage: 'FAILED',
      sequence,
      scheduledFor: timeline.finishedAt,
      window,
      reason: upgrade.failureReason,
      requiresAcknowledgement: false,
      plannedAt: timeline.finishedAt,
    });
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
  if (upgrade.status === 'COMPLETED') timeline.finishedAt = plusMinutes(window.end, -10);
  if (upgrade.status === 'FAILED') timeline.finishedAt = plusMinutes(window.end, -15);
  return timeline;
}
