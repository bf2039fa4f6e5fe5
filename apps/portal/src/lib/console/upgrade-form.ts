// The plan-an-upgrade form (ENGINEER, ADMIN): what it holds, read from a submission, which customers
// it may target, and the API input it becomes. Window times are typed in the staff member's own
// zone. Pure, for the browser (the live preview) and the server alike.
import { fromLocalInputValue } from '@upgrade-desk/domain/time-zone';
import { UPGRADE_KINDS, type UpgradeKind, type UserError } from '../api-types';
import { emptyTexts, textValue, textValues } from '../form-data';
import { localizedPair, type FieldLayout } from '../form-fields';
import type { MessageKey } from '../i18n/messages';
import type { SelectOption } from '../select-options';

export const UPGRADE_TEXT_FIELDS = [
  'title',
  'titleEn',
  'summary',
  'summaryEn',
  'changesVi',
  'changesEn',
  'windowStart',
  'windowEnd',
  'sandboxStart',
  'firstNoticeAt',
  'expectedDowntimeMinutes',
  'emergencyReason',
] as const;
type UpgradeTextField = (typeof UPGRADE_TEXT_FIELDS)[number];

export interface ModuleVersionValues {
  fromVersion: string;
  targetVersion: string;
}

export type UpgradeValues = Record<UpgradeTextField, string> & {
  kind: UpgradeKind;
  emergency: boolean;
  requiresRelogin: boolean;
  /** FIX: announce to every target at once instead of holding it for the account teams. */
  important: boolean;
  moduleIds: string[];
  /** From and target version typed per module id (modules not chosen included: kept while unticked). */
  versions: Record<string, ModuleVersionValues>;
  /** The target customers ticked. */
  customerIds: string[];
  /** The customers the form offered as targets when submitted: a new candidate starts ticked. */
  offeredCustomerIds: string[];
};

export type UpgradeField = keyof UpgradeValues;

export interface UpgradeFormState {
  values: UpgradeValues;
  errors: { form?: MessageKey } & Partial<Record<UpgradeField, MessageKey>>;
  /** Beside a module's versions, by module id. */
  versionErrors?: Record<string, MessageKey>;
}

export const EMPTY_UPGRADE: UpgradeValues = {
  ...emptyTexts(UPGRADE_TEXT_FIELDS),
  kind: 'FEATURE',
  expectedDowntimeMinutes: '0',
  emergency: false,
  requiresRelogin: false,
  important: false,
  moduleIds: [],
  versions: {},
  customerIds: [],
  offeredCustomerIds: [],
};

/** The beside-the-field message for each field the API may name in a userError. */
export const UPGRADE_FIELD_MESSAGES: Partial<Record<UpgradeField, MessageKey>> = {
  title: 'console.plan.error.title',
  summary: 'console.plan.error.summary',
  moduleIds: 'console.plan.error.moduleIds',
  customerIds: 'console.plan.error.customerIds',
  windowStart: 'console.plan.error.windowStart',
  windowEnd: 'console.plan.error.windowEnd',
  sandboxStart: 'console.plan.error.sandboxStart',
  firstNoticeAt: 'console.plan.error.firstNoticeAt',
  expectedDowntimeMinutes: 'console.plan.error.downtime',
  emergencyReason: 'console.plan.error.emergencyReason',
};

/**
 * The message beside each module's versions for the API's userErrors on `moduleVersions.<i>`: the
 * input lists the versions of `moduleIds` in that order (see upgradeInput).
 */
export function moduleVersionErrors(
  userErrors: readonly Pick<UserError, 'code' | 'field'>[],
  moduleIds: readonly string[],
): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  for (const { code, field } of userErrors) {
    const [, list, index] = field ?? [];
    const moduleId = list === 'moduleVersions' ? moduleIds[Number(index)] : undefined;
    if (moduleId === undefined) continue;
    errors[moduleId] =
      code === 'UNKNOWN_MODULE_VERSION' ? 'console.plan.error.unknownVersion' : 'console.plan.error.version';
  }
  return errors;
}

/** The kind of upgrade, among the `kinds` named. */
export function planKindFields(kinds: readonly SelectOption[]): FieldLayout<UpgradeField> {
  return [{ id: 'plan-kind', name: 'kind', type: 'select', label: 'console.plan.kind', options: kinds }];
}

/** The window's fields, typed in `zone` (which the note `plan-zone-help` names). */
export function planWindowFields(zone: string): FieldLayout<UpgradeField> {
  const typedIn = { type: 'datetime-local', helpParams: { zone } } as const;
  const windowEdge = { ...typedIn, required: true, describedBy: ['plan-zone-help'] } as const;
  return [
    [
      { ...windowEdge, id: 'plan-window-start', name: 'windowStart', label: 'console.plan.windowStart' },
      { ...windowEdge, id: 'plan-window-end', name: 'windowEnd', label: 'console.plan.windowEnd' },
    ],
    [
      {
        id: 'plan-downtime',
        name: 'expectedDowntimeMinutes',
        label: 'console.plan.downtime',
        inputmode: 'numeric',
        maxlength: 5,
        required: true,
      },
      {
        ...typedIn,
        id: 'plan-sandbox-start',
        name: 'sandboxStart',
        label: 'console.plan.sandboxStart',
        help: 'console.plan.sandboxHelp',
      },
    ],
    {
      ...typedIn,
      id: 'plan-first-notice',
      name: 'firstNoticeAt',
      label: 'console.plan.firstNoticeAt',
      help: 'console.plan.firstNoticeHelp',
    },
  ];
}

/** The texts the notices are written from, in Vietnamese (required) and English (optional). */
export const PLAN_TEXT_FIELDS: FieldLayout<UpgradeField> = [
  localizedPair(
    { id: 'plan-title-vi', name: 'title', label: 'console.plan.titleVi', required: true, maxlength: 200 },
    { id: 'plan-title-en', name: 'titleEn', label: 'console.plan.titleEn', required: false },
  ),
  localizedPair(
    {
      id: 'plan-summary-vi',
      name: 'summary',
      type: 'textarea',
      rows: 3,
      label: 'console.plan.summaryVi',
      required: true,
      maxlength: 10000,
    },
    { id: 'plan-summary-en', name: 'summaryEn', label: 'console.plan.summaryEn', required: false },
  ),
  localizedPair(
    {
      id: 'plan-changes-vi',
      name: 'changesVi',
      type: 'textarea',
      rows: 3,
      label: 'console.plan.changesVi',
      maxlength: 10000,
    },
    { id: 'plan-changes-en', name: 'changesEn', label: 'console.plan.changesEn' },
  ),
];

export const EMERGENCY_REASON_FIELDS: FieldLayout<UpgradeField> = [
  {
    id: 'plan-emergency-reason',
    name: 'emergencyReason',
    type: 'textarea',
    rows: 2,
    label: 'console.plan.emergencyReason',
    maxlength: 2000,
    help: 'console.plan.emergencyReasonHelp',
  },
];

/** Field names of a module's versions in the form. */
export const fromVersionName = (moduleId: string) => `fromVersion:${moduleId}`;
export const targetVersionName = (moduleId: string) => `targetVersion:${moduleId}`;

/** A submission's values, trimmed; an unknown kind is FEATURE. */
export function readUpgradeForm(form: FormData): UpgradeValues {
  const text = (name: string) => textValue(form, name);
  const list = (name: string) => [...new Set(form.getAll(name).map(String).filter(Boolean))];
  const kind = text('kind');
  const values: UpgradeValues = {
    ...textValues(form, UPGRADE_TEXT_FIELDS),
    kind: (UPGRADE_KINDS as readonly string[]).includes(kind) ? (kind as UpgradeKind) : 'FEATURE',
    emergency: form.get('emergency') !== null,
    requiresRelogin: form.get('requiresRelogin') !== null,
    important: form.get('important') !== null,
    moduleIds: list('moduleIds'),
    customerIds: list('customerIds'),
    offeredCustomerIds: list('offeredCustomerIds'),
    versions: {},
  };
  for (const name of form.keys()) {
    if (!name.startsWith('fromVersion:')) continue;
    const moduleId = name.slice('fromVersion:'.length);
    values.versions[moduleId] = {
      fromVersion: text(fromVersionName(moduleId)),
      targetVersion: text(targetVersionName(moduleId)),
    };
  }
  return values;
}

/** A customer the form may target: its installed modules decide. */
export interface TargetCandidate {
  id: string;
  moduleIds: readonly string[];
}

/**
 * The customers offered as targets, each ticked or not: every customer with one of the chosen
 * modules installed; one offered before keeps its tick, a newly offered one starts ticked.
 */
export function targetChoices<C extends TargetCandidate>(
  customers: readonly C[],
  values: Pick<UpgradeValues, 'moduleIds' | 'customerIds' | 'offeredCustomerIds'>,
): { customer: C; ticked: boolean }[] {
  const chosen = new Set(values.moduleIds);
  return customers
    .filter((customer) => customer.moduleIds.some((id) => chosen.has(id)))
    .map((customer) => ({
      customer,
      ticked: values.offeredCustomerIds.includes(customer.id) ? values.customerIds.includes(customer.id) : true,
    }));
}

/** The API's UpgradeCreateInput (also what upgradeSchedule and upgradePlanPreview take). */
export interface UpgradeInput {
  kind: UpgradeKind;
  title: string;
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  changesVi: string | null;
  changesEn: string | null;
  moduleIds: string[];
  moduleVersions: { moduleId: string; fromVersion: string | null; targetVersion: string | null }[];
  /** null: every customer with one of the modules installed (the API's default). */
  customerIds: string[] | null;
  windowStart: string;
  windowEnd: string;
  sandboxStart: string | null;
  /** SERVER only: an earlier first notice. */
  firstNoticeAt: string | null;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  /** FIX only. */
  important: boolean;
  emergency: boolean;
  emergencyReason: string | null;
}

export type UpgradeInputOutcome = { ok: true; input: UpgradeInput } | { ok: false; errors: UpgradeFormState['errors'] };

/**
 * The API input for the values, or what the form must fix first (what needs no API: texts present,
 * times that parse, modules and targets chosen). `offered`: the target choices the form showed;
 * when every one is ticked the API's default (every customer with the modules) is asked for.
 */
export function upgradeInput(
  values: UpgradeValues,
  timeZone: string,
  offered: readonly { customer: TargetCandidate; ticked: boolean }[],
): UpgradeInputOutcome {
  const errors: UpgradeFormState['errors'] = {};
  const instant = (field: 'windowStart' | 'windowEnd' | 'sandboxStart' | 'firstNoticeAt') => {
    const at = fromLocalInputValue(values[field], timeZone);
    if (!at && values[field] !== '') errors[field] = UPGRADE_FIELD_MESSAGES[field];
    return at;
  };
  const windowStart = instant('windowStart');
  const windowEnd = instant('windowEnd');
  const sandboxStart = instant('sandboxStart');
  // Each kind's own field counts only for that kind (the form shows them all, for use without scripts).
  const firstNoticeAt = values.kind === 'SERVER' ? instant('firstNoticeAt') : null;
  if (!windowStart) errors.windowStart = 'console.plan.error.windowStart';
  if (!windowEnd) errors.windowEnd = 'console.plan.error.windowEnd';
  if (values.title === '') errors.title = 'console.plan.error.title';
  if (values.summary === '') errors.summary = 'console.plan.error.summary';
  if (values.moduleIds.length === 0) errors.moduleIds = 'console.plan.error.moduleIds';
  const downtime = /^\d{1,5}$/.test(values.expectedDowntimeMinutes) ? Number(values.expectedDowntimeMinutes) : NaN;
  if (Number.isNaN(downtime)) errors.expectedDowntimeMinutes = 'console.plan.error.downtime';
  if (values.emergency && values.emergencyReason === '') errors.emergencyReason = 'console.plan.error.emergencyReason';
  const ticked = offered.filter((choice) => choice.ticked).map((choice) => choice.customer.id);
  if (values.moduleIds.length > 0 && ticked.length === 0) errors.customerIds = 'console.plan.error.customerIds';
  if (Object.keys(errors).length > 0 || !windowStart || !windowEnd) return { ok: false, errors };

  const optional = (text: string) => text || null;
  return {
    ok: true,
    input: {
      kind: values.kind,
      title: values.title,
      titleEn: optional(values.titleEn),
      summary: values.summary,
      summaryEn: optional(values.summaryEn),
      changesVi: optional(values.changesVi),
      changesEn: optional(values.changesEn),
      moduleIds: values.moduleIds,
      moduleVersions: values.moduleIds.map((moduleId) => ({
        moduleId,
        fromVersion: optional(values.versions[moduleId]?.fromVersion ?? ''),
        targetVersion: optional(values.versions[moduleId]?.targetVersion ?? ''),
      })),
      customerIds: ticked.length === offered.length ? null : ticked,
      windowStart: windowStart.toISOString(),
      windowEnd: windowEnd.toISOString(),
      sandboxStart: sandboxStart?.toISOString() ?? null,
      firstNoticeAt: firstNoticeAt?.toISOString() ?? null,
      expectedDowntimeMinutes: downtime,
      requiresRelogin: values.requiresRelogin,
      important: values.kind === 'FIX' && values.important,
      emergency: values.emergency,
      emergencyReason: values.emergency ? values.emergencyReason : null,
    },
  };
}
