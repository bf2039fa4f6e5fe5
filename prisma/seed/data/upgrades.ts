// Past and upcoming upgrades of every kind in every status. Times are relative to the day
// the demo is seeded (day 0 = the vendor's today in Asia/Ho_Chi_Minh) and in local wall-clock
// time, mostly in the quiet hours 18:00-06:00 the policy prefers.

export type UpgradeStatusSeed =
  'DRAFT' | 'SCHEDULED' | 'SANDBOX' | 'READY' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

/** A window on a given day at a local time, or one placed around `now` (for IN_PROGRESS). */
export type WindowSeed =
  | { day: number; at: readonly [hour: number, minute: number]; minutes: number; timeZone?: string }
  | { startsMinutesFromNow: number; minutes: number };

export interface UpgradeSeed {
  key: string;
  kind: 'FEATURE' | 'FIX' | 'SERVER';
  status: UpgradeStatusSeed;
  title: string;
  summary: string;
  targetVersion?: string;
  modules: readonly string[];
  /** Customer codes; by default every customer with one of the modules installed. */
  targets?: readonly string[];
  window: WindowSeed;
  expectedDowntimeMinutes: number;
  requiresRelogin?: boolean;
  /** Hours before the window the upgrade was scheduled (notices overdue by then go out at once). */
  scheduledHoursBefore: number;
  /** SERVER: staff sent the first notice this many hours ahead (the provider's date was known). */
  firstNoticeHoursBefore?: number;
  /** FIX: customers whose account team has not yet released the advisory (it awaits them in the staff console). */
  advisoryAwaitingReleaseFor?: readonly string[];
  /** SERVER, COMPLETED: the work ran this many minutes past the announced end (an overrun notice went out). */
  overranMinutes?: number;
  /** Sandbox run: started this many hours before the window; verified this many hours later. */
  sandbox?: { startedHoursBefore: number; verifiedAfterHours?: number };
  emergencyReason?: string;
  /** The window moved: from where, when (hours before the new window), and why. */
  rescheduled?: { from: WindowSeed; hoursBefore: number; reason: string };
  /** CANCELLED: hours before the window; FAILED: the reason is shown in the FAILED notice. */
  cancelled?: { hoursBefore: number; reason: string };
  failureReason?: string;
  /** Share of target customers that acknowledge notices needing it (deterministic per customer). */
  acknowledgementRate?: number;
  /** Customers that certainly have / have not acknowledged, whatever the rate says. */
  acknowledgedBy?: readonly string[];
  unacknowledgedBy?: readonly string[];
  createdBy: string;
}

export const UPGRADES: readonly UpgradeSeed[] = [
  // FEATURE -------------------------------------------------------------------------------
  {
    key: 'feature-aging-multicurrency',
    kind: 'FEATURE',
    status: 'DRAFT',
    title: 'Phân tích tuổi nợ đa tiền tệ trên bảng điều khiển',
    summary:
      'Báo cáo tuổi nợ phải thu và phải trả theo từng loại tiền, quy đổi theo tỷ giá cuối kỳ, khoan sâu đến từng hóa đơn gốc.',
    targetVersion: '3.2.0',
    modules: ['reporting'],
    window: { day: 45, at: [19, 0], minutes: 180 },
    expectedDowntimeMinutes: 10,
    scheduledHoursBefore: 0,
    createdBy: 'tuan.anh@vendor.example',
  },
  {
    key: 'feature-einvoice-decree-70',
    kind: 'FEATURE',
    status: 'SCHEDULED',
    title: 'Hóa đơn điện tử theo Nghị định 70/2025: mẫu hóa đơn và quy trình mới',
    summary:
      'Cập nhật mẫu hóa đơn, thông tin người mua, hóa đơn khởi tạo từ máy tính tiền và quy trình điều chỉnh, thay thế hóa đơn theo Nghị định 70/2025/NĐ-CP.',
    targetVersion: '3.3.0',
    modules: ['e-invoice'],
    window: { day: 16, at: [19, 0], minutes: 180 },
    expectedDowntimeMinutes: 20,
    requiresRelogin: true,
    scheduledHoursBefore: 18 * 24,
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'feature-mrp-planning',
    kind: 'FEATURE',
    status: 'SANDBOX',
    title: 'Kế hoạch sản xuất theo đơn hàng (MRP) với giao diện mới',
    summary:
      'Tính nhu cầu nguyên vật liệu từ đơn hàng và định mức, đề xuất lệnh sản xuất và đơn mua hàng; màn hình lập kế hoạch được thiết kế lại.',
    targetVersion: '4.8.0',
    modules: ['production'],
    window: { day: 8, at: [19, 0], minutes: 180 },
    expectedDowntimeMinutes: 30,
    requiresRelogin: true,
    scheduledHoursBefore: 15 * 24,
    sandbox: { startedHoursBefore: 10 * 24 },
    acknowledgementRate: 0.6,
    unacknowledgedBy: ['SAIGON-GARMENT'],
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'feature-water-meter-mobile',
    kind: 'FEATURE',
    status: 'READY',
    title: 'Ghi chỉ số đồng hồ nước trên ứng dụng di động',
    summary:
      'Nhân viên ghi thu nhập chỉ số đồng hồ trên điện thoại, chụp ảnh đồng hồ, làm việc khi mất mạng và đồng bộ về hệ thống tính tiền nước.',
    targetVersion: '3.4.0',
    modules: ['water-billing'],
    window: { day: 3, at: [19, 30], minutes: 150 },
    expectedDowntimeMinutes: 15,
    requiresRelogin: true,
    scheduledHoursBefore: 16 * 24,
    sandbox: { startedHoursBefore: 9 * 24, verifiedAfterHours: 4 * 24 },
    unacknowledgedBy: ['HANOI-WATER'],
    acknowledgedBy: ['VINHLONG-WATER'],
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'feature-bi-dashboard',
    kind: 'FEATURE',
    status: 'IN_PROGRESS',
    title: 'Bảng điều khiển BI cho ban giám đốc',
    summary:
      'Bảng điều khiển doanh thu, chi phí, dòng tiền và công nợ theo thời gian thực; tự chọn chỉ tiêu, xuất PDF và gửi định kỳ qua email.',
    targetVersion: '3.1.0',
    modules: ['reporting'],
    window: { startsMinutesFromNow: -60, minutes: 180 },
    expectedDowntimeMinutes: 10,
    scheduledHoursBefore: 17 * 24,
    sandbox: { startedHoursBefore: 6 * 24, verifiedAfterHours: 3 * 24 },
    acknowledgementRate: 0.5,
    acknowledgedBy: ['HANOI-WATER'],
    createdBy: 'tuan.anh@vendor.example',
  },
  {
    key: 'feature-warranty-serial',
    kind: 'FEATURE',
    status: 'COMPLETED',
    title: 'Quản lý bảo hành theo số serial',
    summary:
      'Phiếu bảo hành gắn với số serial sản phẩm khi xuất bán, tra cứu lịch sử bảo hành và nhắc hạn bảo hành cho khách hàng.',
    targetVersion: '2.5.1',
    modules: ['warranty'],
    window: { day: -20, at: [19, 0], minutes: 120 },
    expectedDowntimeMinutes: 15,
    requiresRelogin: true,
    scheduledHoursBefore: 18 * 24,
    sandbox: { startedHoursBefore: 8 * 24, verifiedAfterHours: 4 * 24 },
    acknowledgementRate: 1,
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'feature-payroll-insurance-2026',
    kind: 'FEATURE',
    status: 'COMPLETED',
    title: 'Tính lương và bảo hiểm xã hội theo quy định mới năm 2026',
    summary:
      'Cập nhật mức lương tối thiểu vùng, mức đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp và giảm trừ gia cảnh thuế thu nhập cá nhân.',
    targetVersion: '6.1.0',
    modules: ['hr-payroll'],
    window: { day: -40, at: [19, 0], minutes: 180 },
    expectedDowntimeMinutes: 20,
    requiresRelogin: true,
    scheduledHoursBefore: 20 * 24,
    sandbox: { startedHoursBefore: 10 * 24, verifiedAfterHours: 5 * 24 },
    acknowledgementRate: 0.85,
    acknowledgedBy: ['HANOI-WATER', 'SAIGON-GARMENT'],
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'feature-crm-order-sync',
    kind: 'FEATURE',
    status: 'FAILED',
    title: 'Đồng bộ cơ hội bán hàng CRM với đơn bán hàng',
    summary:
      'Tự động tạo đơn bán hàng từ cơ hội đã chốt trong CRM và cập nhật ngược trạng thái giao hàng, công nợ về CRM.',
    targetVersion: '3.0.2',
    modules: ['crm'],
    window: { day: -5, at: [19, 0], minutes: 180 },
    expectedDowntimeMinutes: 30,
    requiresRelogin: true,
    scheduledHoursBefore: 16 * 24,
    sandbox: { startedHoursBefore: 7 * 24, verifiedAfterHours: 3 * 24 },
    failureReason:
      'Việc chuyển đổi dữ liệu đơn hàng cũ vượt quá thời gian cho phép. Hệ thống đã được khôi phục về phiên bản trước và hoạt động bình thường.',
    acknowledgementRate: 0.8,
    createdBy: 'tuan.anh@vendor.example',
  },
  {
    key: 'feature-e-shareholder-register',
    kind: 'FEATURE',
    status: 'CANCELLED',
    title: 'Sổ cổ đông điện tử và biểu quyết trực tuyến',
    summary: 'Sổ đăng ký cổ đông điện tử, chốt danh sách cổ đông, chia cổ tức và biểu quyết trực tuyến tại đại hội.',
    targetVersion: '2.3.0',
    modules: ['shareholders'],
    window: { day: 12, at: [19, 0], minutes: 180 },
    expectedDowntimeMinutes: 15,
    scheduledHoursBefore: 15 * 24,
    cancelled: {
      hoursBefore: 13 * 24,
      reason: 'Chờ hướng dẫn mới của Ủy ban Chứng khoán Nhà nước về tổ chức đại hội cổ đông trực tuyến.',
    },
    acknowledgementRate: 0.5,
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'feature-barcode-stocktake',
    kind: 'FEATURE',
    status: 'SCHEDULED',
    title: 'Kiểm kê kho bằng máy quét mã vạch',
    summary:
      'Kiểm kê kho bằng máy quét mã vạch và điện thoại, đối chiếu tức thời với sổ kho, lập biên bản kiểm kê và phiếu điều chỉnh chênh lệch.',
    targetVersion: '5.7.0',
    modules: ['inventory'],
    window: { day: 18, at: [19, 0], minutes: 180 },
    expectedDowntimeMinutes: 20,
    requiresRelogin: true,
    scheduledHoursBefore: 23 * 24,
    rescheduled: {
      from: { day: 10, at: [19, 0], minutes: 180 },
      hoursBefore: 19 * 24,
      reason: 'Lịch cũ trùng đợt kiểm kê kho cuối quý của nhiều khách hàng.',
    },
    acknowledgementRate: 0.6,
    acknowledgedBy: ['SAIGON-GARMENT'],
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'feature-vat-rate-change',
    kind: 'FEATURE',
    status: 'COMPLETED',
    title: 'Áp dụng thuế suất GTGT mới trên hóa đơn điện tử',
    summary:
      'Cập nhật danh mục thuế suất, mẫu hóa đơn và báo cáo thuế theo mức thuế suất giá trị gia tăng mới có hiệu lực từ đầu tháng.',
    targetVersion: '3.2.0',
    modules: ['e-invoice'],
    window: { day: -12, at: [19, 0], minutes: 120 },
    expectedDowntimeMinutes: 15,
    scheduledHoursBefore: 3 * 24,
    sandbox: { startedHoursBefore: 2 * 24, verifiedAfterHours: 24 },
    emergencyReason:
      'Mức thuế suất GTGT mới có hiệu lực từ ngày đầu tháng theo nghị quyết của Quốc hội; không thể thông báo trước 10 ngày.',
    acknowledgementRate: 0.7,
    createdBy: 'engineer@vendor.example',
  },

  // FIX -----------------------------------------------------------------------------------
  {
    key: 'fix-inventory-excel-rounding',
    kind: 'FIX',
    status: 'DRAFT',
    title: 'Sửa lỗi làm tròn số lượng khi xuất báo cáo tồn kho ra Excel',
    summary: 'Số lượng có phần thập phân bị làm tròn sai khi xuất báo cáo nhập xuất tồn ra Excel.',
    targetVersion: '5.6.2',
    modules: ['inventory'],
    targets: ['GIADINH-RETAIL', 'TAYDO-RICE', 'MEKONG-DISTRIBUTION'],
    window: { day: 30, at: [20, 0], minutes: 30 },
    expectedDowntimeMinutes: 0,
    scheduledHoursBefore: 0,
    createdBy: 'tuan.anh@vendor.example',
  },
  {
    key: 'fix-water-tiered-tariff',
    kind: 'FIX',
    status: 'SCHEDULED',
    title: 'Sửa lỗi tính tiền nước bậc thang khi đổi kỳ ghi chỉ số',
    summary: 'Hóa đơn tiền nước của kỳ có ngày ghi chỉ số thay đổi bị chia bậc thang chưa đúng tỷ lệ số ngày.',
    targetVersion: '3.3.2',
    modules: ['water-billing'],
    window: { day: 4, at: [20, 0], minutes: 30 },
    expectedDowntimeMinutes: 0,
    scheduledHoursBefore: 5 * 24,
    advisoryAwaitingReleaseFor: ['VINHLONG-WATER'],
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'fix-production-overhead-allocation',
    kind: 'FIX',
    status: 'SANDBOX',
    title: 'Sửa lỗi phân bổ chi phí sản xuất chung cho lệnh sản xuất',
    summary: 'Chi phí sản xuất chung bị phân bổ thiếu cho lệnh sản xuất hoàn thành dở dang qua hai kỳ.',
    targetVersion: '4.7.3',
    modules: ['production'],
    window: { day: 6, at: [20, 0], minutes: 30 },
    expectedDowntimeMinutes: 5,
    scheduledHoursBefore: 8 * 24,
    sandbox: { startedHoursBefore: 7 * 24 },
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'fix-payslip-template',
    kind: 'FIX',
    status: 'READY',
    title: 'Sửa lỗi hiển thị mẫu phiếu lương gửi qua email',
    summary: 'Phiếu lương gửi qua email bị lệch cột khi có nhiều khoản phụ cấp.',
    targetVersion: '6.1.3',
    modules: ['hr-payroll'],
    targets: ['SAIGON-GARMENT', 'DANANG-HOSPITAL', 'HUE-UNIVERSITY'],
    window: { day: 2, at: [20, 0], minutes: 15 },
    expectedDowntimeMinutes: 0,
    scheduledHoursBefore: 5 * 24,
    sandbox: { startedHoursBefore: 4 * 24, verifiedAfterHours: 24 },
    createdBy: 'tuan.anh@vendor.example',
  },
  {
    key: 'fix-einvoice-lookup-speed',
    kind: 'FIX',
    status: 'IN_PROGRESS',
    title: 'Tăng tốc tra cứu hóa đơn điện tử đã phát hành',
    summary: 'Tối ưu chỉ mục và truy vấn để màn hình tra cứu hóa đơn trả kết quả nhanh hơn với dữ liệu nhiều năm.',
    targetVersion: '3.2.1',
    modules: ['e-invoice'],
    targets: ['MEKONG-DISTRIBUTION', 'GIADINH-RETAIL', 'THANGLONG-PHARMA', 'TAYDO-RICE'],
    window: { startsMinutesFromNow: -30, minutes: 60 },
    expectedDowntimeMinutes: 5,
    scheduledHoursBefore: 2 * 24,
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'fix-duplicate-voucher-number',
    kind: 'FIX',
    status: 'COMPLETED',
    title: 'Sửa lỗi trùng số chứng từ khi nhiều người cùng lưu',
    summary: 'Hai người dùng lưu phiếu thu cùng lúc có thể nhận cùng một số chứng từ.',
    targetVersion: '6.4.0',
    modules: ['accounting'],
    targets: ['HANOI-WATER', 'MEKONG-DISTRIBUTION', 'GIADINH-RETAIL', 'HONGHA-CONSTRUCTION'],
    window: { day: -10, at: [20, 0], minutes: 30 },
    expectedDowntimeMinutes: 5,
    scheduledHoursBefore: 2 * 24,
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'fix-branch-stock-sync',
    kind: 'FIX',
    status: 'FAILED',
    title: 'Sửa lỗi đồng bộ tồn kho giữa các chi nhánh',
    summary: 'Phiếu điều chuyển kho giữa hai chi nhánh đôi khi không cập nhật tồn kho ở kho nhận.',
    targetVersion: '5.6.2',
    modules: ['inventory'],
    targets: ['SAIGON-GARMENT', 'GIADINH-RETAIL', 'TAYDO-RICE'],
    window: { day: -3, at: [20, 0], minutes: 30 },
    expectedDowntimeMinutes: 5,
    scheduledHoursBefore: 2 * 24,
    failureReason:
      'Bản vá chưa xử lý được dữ liệu điều chuyển đang chờ duyệt; đã hoàn tác và giữ nguyên phiên bản hiện tại.',
    createdBy: 'tuan.anh@vendor.example',
  },
  {
    key: 'fix-fixed-asset-report-template',
    kind: 'FIX',
    status: 'CANCELLED',
    title: 'Điều chỉnh mẫu báo cáo tăng giảm tài sản cố định',
    summary: 'Bổ sung cột nguồn vốn hình thành tài sản trên báo cáo tăng giảm tài sản cố định.',
    targetVersion: '4.1.1',
    modules: ['fixed-assets'],
    window: { day: 5, at: [20, 0], minutes: 30 },
    expectedDowntimeMinutes: 0,
    scheduledHoursBefore: 9 * 24,
    cancelled: { hoursBefore: 6 * 24, reason: 'Nội dung được gộp vào bản cập nhật tính năng tài sản cố định quý tới.' },
    createdBy: 'engineer@vendor.example',
  },

  // SERVER --------------------------------------------------------------------------------
  {
    key: 'server-hanoi-cluster-move',
    kind: 'SERVER',
    status: 'DRAFT',
    title: 'Chuyển cơ sở dữ liệu sang cụm máy chủ mới tại Hà Nội',
    summary: 'Di chuyển cơ sở dữ liệu của các khách hàng khu vực phía Bắc sang cụm máy chủ mới, độ trễ thấp hơn.',
    modules: ['accounting'],
    targets: ['HANOI-WATER', 'THANGLONG-PHARMA', 'HONGHA-CONSTRUCTION', 'ANHSAO-SCHOOL'],
    window: { day: 35, at: [22, 0], minutes: 60 },
    expectedDowntimeMinutes: 45,
    scheduledHoursBefore: 0,
    createdBy: 'tuan.anh@vendor.example',
  },
  {
    key: 'server-os-security-patch',
    kind: 'SERVER',
    status: 'SCHEDULED',
    title: 'Bảo trì định kỳ máy chủ ứng dụng và cập nhật bản vá bảo mật',
    summary: 'Cập nhật bản vá bảo mật hệ điều hành và khởi động lại máy chủ ứng dụng theo lịch bảo trì định kỳ.',
    modules: ['accounting'],
    targets: [
      'HANOI-WATER',
      'SAIGON-GARMENT',
      'CAMAU-SEAFOOD',
      'TAYDO-RICE',
      'VINHXANH-RESORT',
      'BMT-COFFEE',
      'GIADINH-RETAIL',
      'BIENHOA-PLASTICS',
    ],
    window: { day: 5, at: [22, 0], minutes: 60 },
    expectedDowntimeMinutes: 40,
    scheduledHoursBefore: 6 * 24,
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'server-db-memory-upgrade',
    kind: 'SERVER',
    status: 'SCHEDULED',
    title: 'Nâng cấp bộ nhớ máy chủ cơ sở dữ liệu theo lịch của nhà cung cấp cloud',
    summary:
      'Nhà cung cấp cloud nâng cấp phần cứng máy chủ cơ sở dữ liệu; hệ thống tạm dừng trong thời gian khởi động lại máy chủ.',
    modules: ['accounting'],
    targets: ['HANOI-WATER', 'SAIGON-GARMENT', 'DANANG-HOSPITAL', 'HALONG-CEMENT', 'DONGHAI-STEEL'],
    window: { day: 2, at: [22, 30], minutes: 60 },
    expectedDowntimeMinutes: 30,
    scheduledHoursBefore: 4 * 24,
    firstNoticeHoursBefore: 72,
    acknowledgementRate: 0.7,
    unacknowledgedBy: ['HANOI-WATER', 'SAIGON-GARMENT'],
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'server-postgres-17-migration',
    kind: 'SERVER',
    status: 'SANDBOX',
    title: 'Chuyển cơ sở dữ liệu sang PostgreSQL 17',
    summary: 'Nâng cấp hệ quản trị cơ sở dữ liệu; đang chạy thử việc chuyển dữ liệu trên môi trường sandbox.',
    modules: ['accounting'],
    targets: ['MEKONG-DISTRIBUTION', 'HAIPHONG-LOGISTICS', 'CAMAU-SEAFOOD'],
    window: { day: 9, at: [22, 0], minutes: 90 },
    expectedDowntimeMinutes: 60,
    scheduledHoursBefore: 11 * 24,
    sandbox: { startedHoursBefore: 10 * 24 },
    createdBy: 'tuan.anh@vendor.example',
  },
  {
    key: 'server-kessler-frankfurt',
    kind: 'SERVER',
    status: 'READY',
    title: 'Relocation of the database to the Frankfurt data centre',
    summary:
      'Moving the customer database to a data centre in Frankfurt, at the customer’s request for data residency.',
    modules: ['accounting'],
    targets: ['KESSLER-VIETNAM'],
    window: { day: 6, at: [20, 0], minutes: 60, timeZone: 'Europe/Berlin' },
    expectedDowntimeMinutes: 45,
    scheduledHoursBefore: 10 * 24,
    firstNoticeHoursBefore: 8 * 24,
    sandbox: { startedHoursBefore: 9 * 24, verifiedAfterHours: 24 },
    acknowledgedBy: ['KESSLER-VIETNAM'],
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'server-disk-failure-move',
    kind: 'SERVER',
    status: 'IN_PROGRESS',
    title: 'Di chuyển khẩn cấp dữ liệu sang máy chủ lưu trữ dự phòng',
    summary: 'Ổ cứng máy chủ lưu trữ báo lỗi; di chuyển cơ sở dữ liệu sang máy chủ dự phòng để tránh mất dữ liệu.',
    modules: ['accounting'],
    targets: ['DANANG-HOSPITAL', 'HUE-UNIVERSITY'],
    window: { startsMinutesFromNow: -20, minutes: 60 },
    expectedDowntimeMinutes: 40,
    scheduledHoursBefore: 3,
    emergencyReason:
      'Ổ cứng máy chủ lưu trữ có dấu hiệu hỏng (cảnh báo SMART); cần di chuyển dữ liệu ngay để tránh mất dữ liệu.',
    acknowledgedBy: ['HUE-UNIVERSITY'],
    unacknowledgedBy: ['DANANG-HOSPITAL'],
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'server-cloud-provider-maintenance',
    kind: 'SERVER',
    status: 'COMPLETED',
    title: 'Bảo trì hạ tầng mạng theo lịch của nhà cung cấp cloud',
    summary:
      'Nhà cung cấp cloud bảo trì thiết bị mạng tại trung tâm dữ liệu; dịch vụ tạm dừng trong thời gian chuyển mạch.',
    modules: ['accounting'],
    targets: [
      'HANOI-WATER',
      'SAIGON-GARMENT',
      'MEKONG-DISTRIBUTION',
      'HALONG-CEMENT',
      'CAMAU-SEAFOOD',
      'HAIPHONG-LOGISTICS',
      'DONGHAI-STEEL',
      'SONGLAM-SUGAR',
      'HACTHANH-BEER',
      'THANGLONG-PHARMA',
      'GIADINH-RETAIL',
      'HANBIT-VINA',
      'STRAITS-FREIGHT',
    ],
    window: { day: -7, at: [23, 0], minutes: 45 },
    expectedDowntimeMinutes: 30,
    scheduledHoursBefore: 6 * 24,
    firstNoticeHoursBefore: 4 * 24,
    overranMinutes: 25,
    acknowledgementRate: 0.8,
    acknowledgedBy: ['HANOI-WATER', 'SAIGON-GARMENT'],
    createdBy: 'engineer@vendor.example',
  },
  {
    key: 'server-dbms-version-upgrade',
    kind: 'SERVER',
    status: 'FAILED',
    title: 'Nâng cấp phiên bản hệ quản trị cơ sở dữ liệu',
    summary: 'Nâng cấp phiên bản hệ quản trị cơ sở dữ liệu và tối ưu cấu hình bộ nhớ đệm.',
    modules: ['accounting'],
    targets: ['VINHXANH-RESORT', 'TAYNINH-RUBBER', 'ANGIANG-FEED'],
    window: { day: -14, at: [22, 0], minutes: 60 },
    expectedDowntimeMinutes: 45,
    scheduledHoursBefore: 3 * 24,
    failureReason:
      'Kiểm tra sau nâng cấp phát hiện lỗi tương thích với báo cáo tùy biến; đã khôi phục phiên bản cũ, hệ thống hoạt động bình thường.',
    acknowledgementRate: 1,
    createdBy: 'tuan.anh@vendor.example',
  },
  {
    key: 'server-singapore-region-move',
    kind: 'SERVER',
    status: 'CANCELLED',
    title: 'Move of the application server to the Singapore region',
    summary: 'Relocating the customer’s application server to the cloud provider’s Singapore region.',
    modules: ['accounting'],
    targets: ['STRAITS-FREIGHT'],
    window: { day: 3, at: [22, 0], minutes: 60, timeZone: 'Asia/Singapore' },
    expectedDowntimeMinutes: 50,
    scheduledHoursBefore: 6 * 24,
    firstNoticeHoursBefore: 5 * 24,
    cancelled: {
      hoursBefore: 4 * 24,
      reason: 'The customer asked to postpone the move until after its financial year-end audit.',
    },
    acknowledgedBy: ['STRAITS-FREIGHT'],
    createdBy: 'engineer@vendor.example',
  },
];
