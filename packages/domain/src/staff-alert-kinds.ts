// Staff alerts: what a customer's account team (its IMPLEMENTATION and CUSTOMER_CARE staff, per
// DESIGN.md section 3) is told of, in the app and by email.

export const STAFF_ALERT_KINDS = [
  'MODULE_REQUEST_CREATED',
  'CUSTOMER_COMMENT',
  'COUNTER_PROPOSAL',
  'ACKNOWLEDGEMENT_OVERDUE',
  'DELIVERY_FAILED',
] as const;
export type StaffAlertKind = (typeof STAFF_ALERT_KINDS)[number];

/** The roles of a customer's account team: who receives its alerts and escalations. */
export const ACCOUNT_TEAM_ROLES = ['IMPLEMENTATION', 'CUSTOMER_CARE'] as const;

/** Vendor staff read times in Vietnam's time, where the vendor works. */
export const VENDOR_TIME_ZONE = 'Asia/Ho_Chi_Minh';
