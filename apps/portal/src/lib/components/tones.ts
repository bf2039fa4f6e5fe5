// Which colour a kind or a status wears: shared by the badges of every page.
import type { ModuleRequestStage, NoticeStage, UpgradeKind, UpgradeStatus } from '../api-types';
import type { StaffAlertItem } from '../fragments';

export type BadgeTone = 'neutral' | 'info' | 'warning' | 'danger' | 'success';

export const KIND_TONE: Record<UpgradeKind, BadgeTone> = { FEATURE: 'info', FIX: 'success', SERVER: 'warning' };

export function statusTone(status: UpgradeStatus): BadgeTone {
  if (status === 'FAILED') return 'danger';
  if (status === 'CANCELLED' || status === 'DRAFT') return 'neutral';
  if (status === 'COMPLETED') return 'success';
  if (status === 'IN_PROGRESS') return 'warning';
  return 'info';
}

export function noticeStageTone(stage: NoticeStage): BadgeTone {
  if (stage === 'FAILED' || stage === 'CANCELLED') return 'danger';
  if (stage === 'IMMINENT' || stage === 'FINAL_REMINDER' || stage === 'RESCHEDULED' || stage === 'OVERRUN')
    return 'warning';
  if (stage === 'COMPLETED') return 'success';
  return 'info';
}

export function requestStageTone(stage: ModuleRequestStage): BadgeTone {
  if (stage === 'REJECTED') return 'danger';
  if (stage === 'WITHDRAWN') return 'neutral';
  if (stage === 'CLOSED' || stage === 'WARRANTY') return 'success';
  return 'info';
}

/** A staff alert: what went wrong in red, what waits on the team in amber, news in blue. */
export function staffAlertTone(kind: StaffAlertItem['kind']): BadgeTone {
  if (kind === 'DELIVERY_FAILED' || kind === 'ACKNOWLEDGEMENT_OVERDUE') return 'danger';
  if (kind === 'COUNTER_PROPOSAL') return 'warning';
  return 'info';
}
