import { fromLocalClock, toLocalClock, type LocalClock } from '@upgrade-desk/domain';
import type { BlackoutKind, CustomerSeed } from './data/customers.ts';

// Blackout windows follow the Vietnamese business calendar in the customer's own zone:
// month-end closing, payroll, the monthly VAT return (due on the 20th), the quarter-end
// stock-take and the year-end closing. Each is placed at its next occurrence after `now`
// (month-end also at the current one, so some are running or just past).

export interface BlackoutSeed {
  kind: BlackoutKind;
  /** Distinguishes two occurrences of the same kind. */
  occurrence: number;
  reason: string;
  startsAt: Date;
  endsAt: Date;
}

const REASONS: Readonly<Record<BlackoutKind, Readonly<Record<'VI' | 'EN', string>>>> = {
  'month-end': { VI: 'Khóa sổ kế toán cuối tháng', EN: 'Month-end closing' },
  payroll: { VI: 'Chốt chấm công, tính và chi trả lương', EN: 'Payroll run' },
  tax: { VI: 'Kê khai và nộp thuế GTGT tháng', EN: 'Monthly VAT return' },
  'stock-take': { VI: 'Kiểm kê kho cuối quý', EN: 'Quarter-end stock-take' },
  'year-end': { VI: 'Quyết toán và khóa sổ cuối năm', EN: 'Year-end closing and audit' },
};

function at(year: number, month: number, day: number, timeZone: string): Date {
  return fromLocalClock({ year, month, day, hour: 0, minute: 0 }, timeZone);
}

/** The first month (this one or a later one) whose `day` has not yet passed. */
function nextMonthlyOccurrence(today: LocalClock, day: number): { year: number; month: number } {
  return today.day < day ? { year: today.year, month: today.month } : { year: today.year, month: today.month + 1 };
}

export function blackoutsFor(customer: CustomerSeed, now: Date): BlackoutSeed[] {
  const today = toLocalClock(now, customer.timeZone);
  const zone = customer.timeZone;
  const { year, month } = today;
  const windows: BlackoutSeed[] = [];
  const add = (kind: BlackoutKind, occurrence: number, startsAt: Date, endsAt: Date): void => {
    windows.push({ kind, occurrence, reason: REASONS[kind][customer.locale], startsAt, endsAt });
  };
  for (const kind of customer.blackouts) {
    switch (kind) {
      case 'month-end':
        // From the second-to-last day of the month to the end of the 2nd of the next (day 0 is
        // the previous month's last day, so day -1 is its second-to-last).
        add(kind, 0, at(year, month + 1, -1, zone), at(year, month + 1, 3, zone));
        add(kind, 1, at(year, month + 2, -1, zone), at(year, month + 2, 3, zone));
        break;
      case 'payroll': {
        const next = nextMonthlyOccurrence(today, 8);
        add(kind, 0, at(next.year, next.month, 8, zone), at(next.year, next.month, 11, zone));
        break;
      }
      case 'tax': {
        const next = nextMonthlyOccurrence(today, 17);
        add(kind, 0, at(next.year, next.month, 17, zone), at(next.year, next.month, 21, zone));
        break;
      }
      case 'stock-take': {
        const quarterEnd = Math.ceil(month / 3) * 3;
        add(kind, 0, at(year, quarterEnd + 1, -1, zone), at(year, quarterEnd + 1, 2, zone));
        break;
      }
      case 'year-end':
        add(kind, 0, at(year, 12, 28, zone), at(year + 1, 1, 11, zone));
        break;
    }
  }
  return windows;
}
