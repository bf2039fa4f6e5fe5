import {
  localDateTimeParts,
  MODULE_REQUEST_PATH,
  moduleRequestTransition,
  type ModuleRequestStage,
} from '@upgrade-desk/domain';
import { DemoCalendar, plusDays, plusMinutes, VENDOR_TIME_ZONE } from './demo-calendar.ts';
import { MODULE_REQUESTS, STAGE_NOTES, type ModuleRequestSeed } from './data/module-requests.ts';
import { stableFraction } from './stable-id.ts';

// A request's timeline: one STAGE event per step walked, spread over office hours between the
// day it was submitted and the day it reached its current stage, plus the assignment and any
// customer remark.

export interface RequestEventSeed {
  kind: 'STAGE' | 'COMMENT' | 'ASSIGNMENT';
  stage: ModuleRequestStage;
  at: Date;
  /** 'customer-admin', 'assignee' or 'care': resolved to users by the caller. */
  by: 'customer-admin' | 'assignee' | 'care';
  note: string;
  /** ASSIGNMENT: the request's assignee is the one put in charge. */
  assignsAssignee?: true;
}

export interface RequestTimeline {
  seed: ModuleRequestSeed;
  events: RequestEventSeed[];
  submittedAt: Date;
  stageEnteredAt: Date;
}

/** Steps walked, in order: the path up to the current stage, or up to where it left the path. */
export function stagesWalked(request: ModuleRequestSeed): ModuleRequestStage[] {
  const last = request.leftAt ?? request.stage;
  const path: readonly ModuleRequestStage[] = MODULE_REQUEST_PATH;
  const walked = path.slice(0, path.indexOf(last) + 1);
  return request.leftAt ? [...walked, request.stage] : walked;
}

function officeHours(calendar: DemoCalendar, daysAgo: number, key: string): Date {
  // Between 08:00 and 16:45, on the quarter hour.
  const hour = 8 + Math.floor(stableFraction(`${key}:hour`) * 9);
  const minute = Math.floor(stableFraction(`${key}:minute`) * 4) * 15;
  return calendar.day(-daysAgo, hour, minute, VENDOR_TIME_ZONE);
}

function stageActor(stage: ModuleRequestStage): RequestEventSeed['by'] {
  switch (stage) {
    case 'SUBMITTED':
    case 'WITHDRAWN':
      return 'customer-admin';
    case 'CONTRACT':
    case 'REJECTED':
      return 'care';
    default:
      return 'assignee';
  }
}

export function requestTimeline(
  request: ModuleRequestSeed,
  calendar: DemoCalendar,
  locale: 'VI' | 'EN',
  names: { assignee?: string; moduleName: string; warrantyEndsAt?: Date },
): RequestTimeline {
  const stages = stagesWalked(request);
  const steps = stages.length - 1;
  const events: RequestEventSeed[] = [];
  let previousDaysAgo = request.submittedDaysAgo + 1;
  stages.forEach((stage, index) => {
    // Evenly spread with some jitter, never two steps on the same day, never after the last.
    const share = steps === 0 ? 0 : index / steps;
    const jitter = index === 0 || index === steps ? 0 : (stableFraction(`${request.key}:${stage}`) - 0.5) * 0.6;
    const span = request.submittedDaysAgo - request.stageDaysAgo;
    let daysAgo = Math.round(request.submittedDaysAgo - span * share + (span / Math.max(steps, 1)) * jitter);
    daysAgo = Math.min(daysAgo, previousDaysAgo - 1);
    daysAgo = Math.max(daysAgo, request.stageDaysAgo + (steps - index));
    if (index === steps) daysAgo = request.stageDaysAgo;
    previousDaysAgo = daysAgo;
    let note = STAGE_NOTES[locale][stage];
    if (stage === 'SUBMITTED') note = request.description;
    if ((stage === 'REJECTED' || stage === 'WITHDRAWN') && request.exitNote) note = request.exitNote;
    if (stage === 'CLOSED' && request.kind === 'NEW_MODULE' && names.warrantyEndsAt) {
      const until = localDateTimeParts(names.warrantyEndsAt, VENDOR_TIME_ZONE, locale).date;
      note =
        locale === 'VI'
          ? `Hoàn tất yêu cầu. Phân hệ ${names.moduleName} được ghi nhận đã cài đặt, bảo hành đến ${until}.`
          : `Request completed. ${names.moduleName} is recorded as installed, under warranty until ${until}.`;
    }
    const at = officeHours(calendar, daysAgo, `${request.key}:${stage}`);
    events.push({ kind: 'STAGE', stage, at, by: stageActor(stage), note });
    if (stage === 'CONSULTATION' && names.assignee) {
      events.push({
        kind: 'ASSIGNMENT',
        stage,
        at: plusMinutes(at, 5),
        by: 'care',
        assignsAssignee: true,
        note:
          locale === 'VI'
            ? `Phân công ${names.assignee} phụ trách yêu cầu.`
            : `${names.assignee} assigned to the request.`,
      });
    }
    if (request.customerComment && request.customerComment[0] === stage) {
      events.push({
        kind: 'COMMENT',
        stage,
        at: plusDays(at, 1),
        by: 'customer-admin',
        note: request.customerComment[1],
      });
    }
  });
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const stageEvents = events.filter((event) => event.kind === 'STAGE');
  // Every step must be one the product allows its actor (the same rule advancing through the API checks).
  stageEvents.slice(1).forEach((event, index) => {
    const from = stageEvents[index]?.stage ?? 'SUBMITTED';
    const actor = event.by === 'customer-admin' ? 'CUSTOMER_ADMIN' : 'STAFF_ADVANCER';
    const verdict = moduleRequestTransition(from, event.stage, actor, event.note);
    if (!verdict.ok) throw new Error(`Demo request ${request.key}: ${from} -> ${event.stage}: ${verdict.message}`);
  });
  return {
    seed: request,
    events,
    submittedAt: stageEvents[0]?.at ?? calendar.now,
    stageEnteredAt: stageEvents[stageEvents.length - 1]?.at ?? calendar.now,
  };
}

export { MODULE_REQUESTS };
