// The vendor's own staff. The first four are the documented demo accounts (DESIGN.md §5).

export type StaffRole = 'ADMIN' | 'ENGINEER' | 'CUSTOMER_CARE' | 'IMPLEMENTATION';

export interface StaffSeed {
  email: string;
  name: string;
  role: StaffRole;
  locale: 'VI' | 'EN';
  /** Days before `now` the account was created. */
  joinedDaysAgo: number;
  /** A former employee whose account was disabled this many days ago. */
  disabledDaysAgo?: number;
}

export const STAFF: readonly StaffSeed[] = [
  { email: 'admin@vendor.example', name: 'Nguyễn Quang Minh', role: 'ADMIN', locale: 'VI', joinedDaysAgo: 1460 },
  { email: 'engineer@vendor.example', name: 'Trần Đức Huy', role: 'ENGINEER', locale: 'VI', joinedDaysAgo: 1200 },
  { email: 'care@vendor.example', name: 'Lê Thị Thu Hà', role: 'CUSTOMER_CARE', locale: 'VI', joinedDaysAgo: 1100 },
  { email: 'impl@vendor.example', name: 'Phạm Văn Long', role: 'IMPLEMENTATION', locale: 'VI', joinedDaysAgo: 1300 },
  { email: 'tuan.anh@vendor.example', name: 'Hoàng Tuấn Anh', role: 'ENGINEER', locale: 'VI', joinedDaysAgo: 700 },
  {
    email: 'mai.phuong@vendor.example',
    name: 'Đỗ Mai Phương',
    role: 'CUSTOMER_CARE',
    locale: 'VI',
    joinedDaysAgo: 820,
  },
  { email: 'ngoc.lan@vendor.example', name: 'Ngô Ngọc Lan', role: 'CUSTOMER_CARE', locale: 'EN', joinedDaysAgo: 400 },
  { email: 'quoc.bao@vendor.example', name: 'Vũ Quốc Bảo', role: 'IMPLEMENTATION', locale: 'VI', joinedDaysAgo: 950 },
  {
    email: 'thanh.tam@vendor.example',
    name: 'Bùi Thanh Tâm',
    role: 'IMPLEMENTATION',
    locale: 'VI',
    joinedDaysAgo: 610,
  },
  {
    email: 'huu.phuoc@vendor.example',
    name: 'Đặng Hữu Phước',
    role: 'IMPLEMENTATION',
    locale: 'VI',
    joinedDaysAgo: 1500,
    disabledDaysAgo: 90,
  },
];
