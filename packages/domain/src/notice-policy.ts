// The vendor's notice policy (DESIGN.md section 2) as pure functions: what to tell each target
// customer when, which schedules are refused, and what staff is warned about. No clock, no I/O:
// `now` is always a parameter.
import type { NoticeStage, UpgradeKind } from './enums.ts';
import { fromLocalClock, toLocalClock } from './time-zone.ts';
import type { UpgradeStatus } from './upgrade-status.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One row of the policy table an ADMIN edits; null offsets are stages the kind does not use. */
export interface NoticePolicy {
  kind: UpgradeKind;
  announcementLeadDays: number | null;
  announcementMinLeadDays: number | null;
  announcementMaxLeadDays: number | null;
  reminderLeadHours: number | null;
  finalReminderLeadHours: number | null;
  imminentLeadMinutes: number | null;
  minimumNoticeHours: number;
  advisoryOnSchedule: boolean;
  sandboxRequired: boolean;
  typicalDowntimeMinutes: number | null;
  quietHoursStart: number;
  quietHoursEnd: number;
  /**
   * An acknowledgement asked for must come this many minutes before the window at the latest, so
   * that the account team, alerted when it is overdue, still has time to call the customer.
   * Null: the deadline is the next notice of the plan (or the window's start).
   */
  acknowledgementCallMinutes: number | null;
}

/** The defaults of DESIGN.md section 2: the seed writes these, an ADMIN may change them. */
export const DEFAULT_NOTICE_POLICIES: Readonly<Record<UpgradeKind, NoticePolicy>> = {
  FEATURE: {
    kind: 'FEATURE',
    announcementLeadDays: 14,
    announcementMinLeadDays: 10,
    announcementMaxLeadDays: 20,
    reminderLeadHours: 48,
    finalReminderLeadHours: 24,
    imminentLeadMinutes: null,
    minimumNoticeHours: 10 * 24,
    advisoryOnSchedule: false,
    sandboxRequired: true,
    typicalDowntimeMinutes: null,
    quietHoursStart: 18,
    quietHoursEnd: 6,
    acknowledgementCallMinutes: null,
  },
  SERVER: {
    kind: 'SERVER',
    announcementLeadDays: null,
    announcementMinLeadDays: null,
    announcementMaxLeadDays: null,
    reminderLeadHours: null,
    finalReminderLeadHours: 24,
    imminentLeadMinutes: 30,
    minimumNoticeHours: 24,
    advisoryOnSchedule: false,
    sandboxRequired: false,
    typicalDowntimeMinutes: 60,
    quietHoursStart: 18,
    quietHoursEnd: 6,
    // Four hours: the team calls a customer who has not confirmed a server stop during office hours.
    acknowledgementCallMinutes: 4 * 60,
  },
  FIX: {
    kind: 'FIX',
    announcementLeadDays: null,
    announcementMinLeadDays: null,
    announcementMaxLeadDays: null,
    reminderLeadHours: null,
    finalReminderLeadHours: null,
    imminentLeadMinutes: null,
    minimumNoticeHours: 0,
    advisoryOnSchedule: true,
    sandboxRequired: false,
    typicalDowntimeMinutes: null,
    quietHoursStart: 18,
    quietHoursEnd: 6,
    acknowledgementCallMinutes: null,
  },
};

export interface PolicyProblem {
  code: 'INVALID_INPUT';
  field: string;
  message: string;
}

/** An ADMIN's edit of a policy must keep the vendor's own bounds (the announcement stays 10-20 days ahead). */
export function validateNoticePolicy(policy: NoticePolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const { announcementLeadDays: lead, announcementMinLeadDays: min, announcementMaxLeadDays: max } = policy;
  if (lead !== null) {
    if (lead < 10 || lead > 20) {
      problems.push({
        code: 'INVALID_INPUT',
        field: 'announcementLeadDays',
        message: 'The announcement must go out 10 to 20 days ahead.',
      });
    }
    if ((min !== null && lead < min) || (max !== null && lead > max)) {
      problems.push({
        code: 'INVALID_INPUT',
        field: 'announcementLeadDays',
        message: 'The announcement offset must lie within its allowed range.',
      });
    }
  }
  if (min !== null && max !== null && min > max) {
    problems.push({
      code: 'INVALID_INPUT',
      field: 'announcementMinLeadDays',
      message: 'The allowed range is empty (min > max).',
    });
  }
  for (const field of [
    'reminderLeadHours',
    'finalReminderLeadHours',
    'imminentLeadMinutes',
    'minimumNoticeHours',
    'typicalDowntimeMinutes',
    'acknowledgementCallMinutes',
  ] as const) {
    const value = policy[field];
    if (value !== null && (!Number.isInteger(value) || value < 0)) {
      problems.push({ code: 'INVALID_INPUT', field, message: `${field} must be a whole number, zero or more.` });
    }
  }
  for (const field of ['quietHoursStart', 'quietHoursEnd'] as const) {
    const value = policy[field];
    if (!Number.isInteger(value) || value < 0 || value > 23) {
      problems.push({ code: 'INVALID_INPUT', field, message: `${field} must be an hour from 0 to 23.` });
    }
  }
  return problems;
}

export interface UpgradeWindow {
  kind: UpgradeKind;
  windowStart: Date;
  windowEnd: Date;
  expectedDowntimeMinutes: number;
  sandboxStart: Date | null;
  emergency: boolean;
  emergencyReason: string | null;
  /**
   * SERVER: when the provider's schedule is known early, staff set an earlier first notice (stored
   * on the upgrade); it is sent in addition to the final reminder 24 hours ahead, never instead of it.
   */
  firstNoticeAt?: Date | null;
}

export interface PlanTarget {
  customerId: string;
  timeZone: string;
  blackouts: readonly { startsAt: Date; endsAt: Date }[];
}

export type ScheduleErrorCode = 'INVALID_INPUT' | 'WINDOW_INVALID' | 'NOTICE_PERIOD_TOO_SHORT';

export interface ScheduleProblem {
  code: ScheduleErrorCode;
  /** Path inside the mutation's input, e.g. ['windowStart']. */
  field: string[];
  message: string;
}

/** Refusals when an upgrade is scheduled or moved: a bad window, or too little notice without an emergency. */
export function scheduleProblems(upgrade: UpgradeWindow, policy: NoticePolicy, now: Date): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const start = upgrade.windowStart.getTime();
  const end = upgrade.windowEnd.getTime();
  if (end <= start) {
    problems.push({ code: 'WINDOW_INVALID', field: ['windowEnd'], message: 'The window must end after it starts.' });
  }
  if (start <= now.getTime()) {
    problems.push({ code: 'WINDOW_INVALID', field: ['windowStart'], message: 'The window must start in the future.' });
  }
  if (!Number.isInteger(upgrade.expectedDowntimeMinutes) || upgrade.expectedDowntimeMinutes < 0) {
    problems.push({
      code: 'INVALID_INPUT',
      field: ['expectedDowntimeMinutes'],
      message: 'Expected downtime must be whole minutes, zero or more.',
    });
  } else if (end > start && upgrade.expectedDowntimeMinutes * MINUTE > end - start) {
    problems.push({
      code: 'INVALID_INPUT',
      field: ['expectedDowntimeMinutes'],
      message: 'Expected downtime cannot be longer than the window.',
    });
  }
  if (upgrade.sandboxStart && upgrade.sandboxStart.getTime() >= start) {
    problems.push({
      code: 'WINDOW_INVALID',
      field: ['sandboxStart'],
      message: 'The sandbox run must start before the production window.',
    });
  }
  if (upgrade.firstNoticeAt && (upgrade.firstNoticeAt.getTime() >= start || upgrade.firstNoticeAt < now)) {
    problems.push({
      code: 'INVALID_INPUT',
      field: ['firstNoticeAt'],
      message: 'The first notice must be between now and the window.',
    });
  }
  if (upgrade.emergency && !upgrade.emergencyReason?.trim()) {
    problems.push({ code: 'INVALID_INPUT', field: ['emergencyReason'], message: 'An emergency needs a reason.' });
  }
  if (!upgrade.emergency && start > now.getTime() && start - now.getTime() < policy.minimumNoticeHours * HOUR) {
    problems.push({
      code: 'NOTICE_PERIOD_TOO_SHORT',
      field: ['windowStart'],
      message: `A ${upgrade.kind} upgrade needs at least ${formatLead(policy.minimumNoticeHours)} of notice; mark it an emergency (with a reason) to go ahead.`,
    });
  }
  return problems;
}

function formatLead(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} days` : `${hours} hours`;
}

export interface PlannedNotice {
  customerId: string;
  stage: NoticeStage;
  scheduledFor: Date;
  requiresAcknowledgement: boolean;
  /** Deadline of the acknowledgement: the next notice of the plan, or the window's start. */
  acknowledgeBy: Date | null;
}

/**
 * Notices that ask the customer for a decision, and so for an acknowledgement. A SERVER upgrade's
 * earlier first notice (an ANNOUNCEMENT) asks too, due by the 24-hour notice.
 */
const NEEDS_ACKNOWLEDGEMENT: Readonly<Partial<Record<UpgradeKind, readonly NoticeStage[]>>> = {
  FEATURE: ['ANNOUNCEMENT'],
  SERVER: ['ANNOUNCEMENT', 'FINAL_REMINDER'],
};

/** The policy's timeline of one upgrade before clamping, in stage order: each stage with the instant the policy asks for. */
function policyTimeline(upgrade: UpgradeWindow, policy: NoticePolicy, now: Date): { stage: NoticeStage; at: Date }[] {
  const start = upgrade.windowStart.getTime();
  const before = (ms: number) => new Date(start - ms);
  const timeline: { stage: NoticeStage; at: Date }[] = [];
  if (policy.announcementLeadDays !== null) {
    const maxLead = (policy.announcementMaxLeadDays ?? policy.announcementLeadDays) * DAY;
    // Inside the allowed range (10-20 days ahead by default) the announcement goes out at once;
    // further ahead it waits for its offset.
    const at = start - now.getTime() <= maxLead ? now : before(policy.announcementLeadDays * DAY);
    timeline.push({ stage: 'ANNOUNCEMENT', at });
  }
  if (policy.advisoryOnSchedule) timeline.push({ stage: 'ADVISORY', at: now });
  if (policy.reminderLeadHours !== null)
    timeline.push({ stage: 'REMINDER', at: before(policy.reminderLeadHours * HOUR) });
  if (policy.finalReminderLeadHours !== null) {
    const byPolicy = before(policy.finalReminderLeadHours * HOUR);
    const early = earlyFirstNotice(upgrade, byPolicy, now);
    if (early) timeline.push({ stage: 'ANNOUNCEMENT', at: early });
    timeline.push({ stage: 'FINAL_REMINDER', at: byPolicy });
  }
  if (policy.imminentLeadMinutes !== null)
    timeline.push({ stage: 'IMMINENT', at: before(policy.imminentLeadMinutes * MINUTE) });
  return timeline;
}

/**
 * SERVER: the staff's earlier first notice, when it really is earlier than the final reminder. Once
 * its time has passed (a plan recomputed after a move) it is history: sent, or dropped with the old plan.
 */
function earlyFirstNotice(upgrade: UpgradeWindow, finalReminderAt: Date, now: Date): Date | null {
  if (upgrade.kind !== 'SERVER' || !upgrade.firstNoticeAt || upgrade.firstNoticeAt < now) return null;
  return upgrade.firstNoticeAt < finalReminderAt ? upgrade.firstNoticeAt : null;
}

/**
 * When an acknowledgement asked for at `sentAt` is due: before the next notice of the plan (or the
 * window), and, when the policy says so, early enough for the account team to call the customer.
 * A notice sent too late for that margin (an emergency) keeps the next-notice deadline: a deadline
 * already past when the customer reads it could never be met.
 */
export function acknowledgementDeadline(
  policy: Pick<NoticePolicy, 'acknowledgementCallMinutes'>,
  windowStart: Date,
  sentAt: Date,
  nextNoticeAt: Date | null,
): Date {
  const byNext = nextNoticeAt ?? windowStart;
  if (policy.acknowledgementCallMinutes === null) return byNext;
  const byCall = new Date(windowStart.getTime() - policy.acknowledgementCallMinutes * MINUTE);
  if (byCall <= sentAt) return byNext;
  return byCall < byNext ? byCall : byNext;
}

/**
 * The notices one upgrade sends each target, as planned when it is scheduled at `now`.
 * A notice whose time has already passed goes out at once; when several have passed (an
 * emergency), only the first of them is sent: reminders of something announced this minute
 * would be noise. Stages in `alreadySent` (per customer) are not planned again.
 */
export function planNotices(
  upgrade: UpgradeWindow,
  policy: NoticePolicy,
  targets: readonly PlanTarget[],
  now: Date,
  alreadySent: ReadonlyMap<string, ReadonlySet<NoticeStage>> = new Map(),
): PlannedNotice[] {
  const timeline = policyTimeline(upgrade, policy, now);
  const firstOverdue = timeline.find((n) => n.at <= now);
  const kept = [
    ...(firstOverdue ? [{ stage: firstOverdue.stage, at: now }] : []),
    ...timeline.filter((n) => n.at > now),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const needsAck = NEEDS_ACKNOWLEDGEMENT[upgrade.kind] ?? [];

  return targets.flatMap((target) => {
    const sent = alreadySent.get(target.customerId) ?? new Set<NoticeStage>();
    const planned = kept.filter((n) => !sent.has(n.stage));
    return planned.map((n, i): PlannedNotice => {
      const requiresAcknowledgement = needsAck.includes(n.stage);
      return {
        customerId: target.customerId,
        stage: n.stage,
        scheduledFor: n.at,
        requiresAcknowledgement,
        acknowledgeBy: requiresAcknowledgement
          ? acknowledgementDeadline(policy, upgrade.windowStart, n.at, planned[i + 1]?.at ?? null)
          : null,
      };
    });
  });
}

/** The stages a change of an upgrade's life sends at once, whatever the plan said. */
export const EVENT_STAGE = {
  rescheduled: 'RESCHEDULED',
  cancelled: 'CANCELLED',
  completed: 'COMPLETED',
  failed: 'FAILED',
  overran: 'OVERRUN',
} as const satisfies Record<string, NoticeStage>;

const AFTER_WINDOW_STAGES: readonly NoticeStage[] = ['COMPLETED', 'FAILED', 'CANCELLED', 'OVERRUN'];

/** Kinds whose customers are told at once when the work runs past the announced end (their system is down). */
const OVERRUN_NOTICE_KINDS: readonly UpgradeKind[] = ['SERVER'];

/**
 * Whether an upgrade still in progress has run past its announced end, so that its customers must
 * be told at once (once per announced window).
 */
export function windowOverrun(
  upgrade: { kind: UpgradeKind; status: UpgradeStatus; windowEnd: Date },
  now: Date,
): boolean {
  return OVERRUN_NOTICE_KINDS.includes(upgrade.kind) && upgrade.status === 'IN_PROGRESS' && now > upgrade.windowEnd;
}

/** The dispatcher's last check: once the window has started, only COMPLETED, FAILED, CANCELLED and OVERRUN are sent. */
export function maySendNotice(stage: NoticeStage, windowStart: Date, now: Date): boolean {
  return AFTER_WINDOW_STAGES.includes(stage) || now < windowStart;
}

export type PolicyWarning =
  'OUTSIDE_QUIET_HOURS' | 'SHORT_NOTICE' | 'BLACKOUT_CONFLICT' | 'DOWNTIME_ABOVE_TYPICAL' | 'NO_SANDBOX_RUN';

/**
 * Whether [start, end) lies wholly within the quiet hours (default 18:00-06:00, across midnight)
 * of `timeZone`. The quiet period is found on the wall clock and turned back into an instant, so
 * a daylight-saving switch inside the night is counted right.
 */
export function insideQuietHours(start: Date, end: Date, timeZone: string, quietStart = 18, quietEnd = 6): boolean {
  const local = toLocalClock(start, timeZone);
  const wraps = quietStart > quietEnd;
  const inQuiet = wraps
    ? local.hour >= quietStart || local.hour < quietEnd
    : local.hour >= quietStart && local.hour < quietEnd;
  if (!inQuiet) return false;
  const endsNextDay = wraps && local.hour >= quietStart;
  const quietEndsAt = fromLocalClock(
    { ...local, day: local.day + (endsNextDay ? 1 : 0), hour: quietEnd, minute: 0 },
    timeZone,
  );
  return end <= quietEndsAt;
}

/** Intervals [a, b) overlap when each starts before the other ends: touching at an edge is no conflict. */
export function overlaps(aStart: Date, aEnd: Date, bStart: Date, bEnd: Date): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/**
 * What staff is warned about on an upgrade: windows outside a target's quiet hours or inside its
 * blackout, downtime above the typical, a FEATURE without a sandbox run, and a first notice later
 * than the policy asks (`firstNoticeAt`: when the first notice of the plan goes out).
 */
export function policyWarnings(
  upgrade: UpgradeWindow,
  policy: NoticePolicy,
  targets: readonly PlanTarget[],
  firstNoticeAt: Date,
): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  const { windowStart: start, windowEnd: end } = upgrade;
  if (targets.some((t) => !insideQuietHours(start, end, t.timeZone, policy.quietHoursStart, policy.quietHoursEnd))) {
    warnings.push('OUTSIDE_QUIET_HOURS');
  }
  if (start.getTime() - firstNoticeAt.getTime() < policy.minimumNoticeHours * HOUR) warnings.push('SHORT_NOTICE');
  if (targets.some((t) => t.blackouts.some((b) => overlaps(start, end, b.startsAt, b.endsAt))))
    warnings.push('BLACKOUT_CONFLICT');
  if (policy.typicalDowntimeMinutes !== null && upgrade.expectedDowntimeMinutes > policy.typicalDowntimeMinutes) {
    warnings.push('DOWNTIME_ABOVE_TYPICAL');
  }
  if (policy.sandboxRequired && upgrade.sandboxStart === null) warnings.push('NO_SANDBOX_RUN');
  return warnings;
}
