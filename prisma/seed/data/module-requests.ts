// Customers' requests to grow the software: horizontally (a new module) or vertically (an
// extension of an installed one), each somewhere on the vendor's ten steps.
import type { ModuleRequestStage } from '@upgrade-desk/domain';

export interface ModuleRequestSeed {
  key: string;
  customer: string;
  kind: 'NEW_MODULE' | 'EXTENSION';
  /** NEW_MODULE: the module wanted; EXTENSION: the installed module to extend. */
  module: string;
  title: string;
  description: string;
  stage: ModuleRequestStage;
  /** REJECTED, WITHDRAWN: the last step reached before leaving the path. */
  leftAt?: ModuleRequestStage;
  /** Why it was rejected or withdrawn (the note on that event). */
  exitNote?: string;
  submittedDaysAgo: number;
  /** When the current stage was entered. */
  stageDaysAgo: number;
  /** IMPLEMENTATION staff in charge; none while a request waits to be picked up. */
  assignee?: string;
  /** A remark the customer added along the way: [stage it was made in, text]. */
  customerComment?: readonly [ModuleRequestStage, string];
}

export const MODULE_REQUESTS: readonly ModuleRequestSeed[] = [
  {
    key: 'hanoi-water-shareholders',
    customer: 'HANOI-WATER',
    kind: 'NEW_MODULE',
    module: 'shareholders',
    title: 'Bổ sung phân hệ quản lý cổ đông',
    description:
      'Công ty chuẩn bị cổ phần hóa, cần quản lý sổ đăng ký cổ đông, chuyển nhượng cổ phần và chia cổ tức trên cùng hệ thống kế toán.',
    stage: 'CONTRACT',
    submittedDaysAgo: 40,
    stageDaysAgo: 4,
    assignee: 'impl@vendor.example',
    customerComment: [
      'CONTRACT',
      'Đề nghị gửi thêm phương án triển khai theo hai giai đoạn để trình Hội đồng thành viên.',
    ],
  },
  {
    key: 'hanoi-water-meter-history',
    customer: 'HANOI-WATER',
    kind: 'EXTENSION',
    module: 'water-billing',
    title: 'Tra cứu lịch sử chỉ số đồng hồ và truy xuất về chứng từ gốc',
    description:
      'Từ hóa đơn tiền nước cần xem được lịch sử chỉ số đồng hồ 24 kỳ gần nhất, ảnh chụp đồng hồ và khoan sâu đến phiếu thu tương ứng.',
    stage: 'DEVELOPMENT',
    submittedDaysAgo: 75,
    stageDaysAgo: 12,
    assignee: 'impl@vendor.example',
  },
  {
    key: 'hanoi-water-call-centre',
    customer: 'HANOI-WATER',
    kind: 'NEW_MODULE',
    module: 'crm',
    title: 'Chăm sóc khách hàng dùng nước qua tổng đài',
    description:
      'Ghi nhận phản ánh của khách hàng dùng nước (mất nước, rò rỉ, thắc mắc hóa đơn) qua tổng đài và theo dõi đến khi xử lý xong.',
    stage: 'SUBMITTED',
    submittedDaysAgo: 2,
    stageDaysAgo: 2,
  },
  {
    key: 'hanoi-water-ward-receivables',
    customer: 'HANOI-WATER',
    kind: 'EXTENSION',
    module: 'accounting',
    title: 'Báo cáo công nợ tiền nước theo phường, xã',
    description: 'Báo cáo tổng hợp công nợ tiền nước theo phường, xã và tuyến ghi chỉ số, lọc theo tuổi nợ.',
    stage: 'CLOSED',
    submittedDaysAgo: 230,
    stageDaysAgo: 30,
    assignee: 'impl@vendor.example',
  },
  {
    key: 'saigon-garment-fixed-assets',
    customer: 'SAIGON-GARMENT',
    kind: 'NEW_MODULE',
    module: 'fixed-assets',
    title: 'Bổ sung phân hệ tài sản cố định',
    description:
      'Quản lý máy may công nghiệp và thiết bị nhà xưởng: khấu hao, điều chuyển giữa các xưởng, kiểm kê tài sản cuối năm.',
    stage: 'SANDBOX_TESTING',
    submittedDaysAgo: 90,
    stageDaysAgo: 5,
    assignee: 'impl@vendor.example',
  },
  {
    key: 'saigon-garment-line-productivity',
    customer: 'SAIGON-GARMENT',
    kind: 'EXTENSION',
    module: 'production',
    title: 'Theo dõi năng suất theo chuyền may và ca làm việc',
    description: 'Nhập sản lượng theo giờ của từng chuyền, so sánh với định mức và tính lương khoán theo sản phẩm.',
    stage: 'TRAINING',
    submittedDaysAgo: 120,
    stageDaysAgo: 3,
    assignee: 'impl@vendor.example',
    customerComment: ['TRAINING', 'Xin bố trí thêm một buổi đào tạo cho tổ trưởng ca đêm.'],
  },
  {
    key: 'saigon-garment-fabric-barcode',
    customer: 'SAIGON-GARMENT',
    kind: 'EXTENSION',
    module: 'inventory',
    title: 'Quản lý cuộn vải bằng mã vạch',
    description: 'Dán mã vạch cho từng cuộn vải khi nhập kho, theo dõi số mét còn lại khi cắt.',
    stage: 'WITHDRAWN',
    leftAt: 'ANALYSIS',
    exitNote: 'Công ty tạm dừng yêu cầu vì đã đăng ký tham gia bản cập nhật kiểm kê kho bằng mã vạch sắp triển khai.',
    submittedDaysAgo: 60,
    stageDaysAgo: 35,
    assignee: 'quoc.bao@vendor.example',
  },
  {
    key: 'saigon-garment-management-reports',
    customer: 'SAIGON-GARMENT',
    kind: 'NEW_MODULE',
    module: 'reporting',
    title: 'Báo cáo quản trị cho ban giám đốc',
    description: 'Bảng điều khiển doanh thu theo khách hàng xuất khẩu, tiến độ đơn hàng và chi phí gia công.',
    stage: 'CONSULTATION',
    submittedDaysAgo: 6,
    stageDaysAgo: 2,
    assignee: 'impl@vendor.example',
  },
  {
    key: 'halong-cement-dealers',
    customer: 'HALONG-CEMENT',
    kind: 'NEW_MODULE',
    module: 'crm',
    title: 'Quản lý khách hàng và đại lý phân phối xi măng',
    description:
      'Quản lý hệ thống đại lý cấp 1, cấp 2, chính sách chiết khấu theo sản lượng và chăm sóc công trình lớn.',
    stage: 'ANALYSIS',
    submittedDaysAgo: 25,
    stageDaysAgo: 8,
    assignee: 'quoc.bao@vendor.example',
  },
  {
    key: 'camau-seafood-traceability',
    customer: 'CAMAU-SEAFOOD',
    kind: 'EXTENSION',
    module: 'production',
    title: 'Truy xuất nguồn gốc lô hàng thủy sản xuất khẩu',
    description:
      'Truy xuất từ container xuất khẩu về lô nguyên liệu, ao nuôi và ngày thu hoạch, đáp ứng yêu cầu của nhà nhập khẩu châu Âu.',
    stage: 'VERIFICATION',
    submittedDaysAgo: 110,
    stageDaysAgo: 6,
    assignee: 'thanh.tam@vendor.example',
  },
  {
    key: 'danang-hospital-insurance-portal',
    customer: 'DANANG-HOSPITAL',
    kind: 'EXTENSION',
    module: 'hospital-billing',
    title: 'Kết nối cổng giám định bảo hiểm y tế',
    description: 'Gửi dữ liệu khám chữa bệnh lên cổng giám định BHYT và đối soát kết quả giám định với viện phí.',
    stage: 'INSTALLATION',
    submittedDaysAgo: 140,
    stageDaysAgo: 4,
    assignee: 'thanh.tam@vendor.example',
  },
  {
    key: 'mekong-distribution-warranty',
    customer: 'MEKONG-DISTRIBUTION',
    kind: 'NEW_MODULE',
    module: 'warranty',
    title: 'Quản lý bảo hành cho hàng điện gia dụng phân phối',
    description: 'Tiếp nhận bảo hành tại đại lý, chuyển hãng sửa chữa và theo dõi thời gian trả hàng cho khách.',
    stage: 'WARRANTY',
    submittedDaysAgo: 180,
    stageDaysAgo: 20,
    assignee: 'quoc.bao@vendor.example',
  },
  {
    key: 'thanglong-pharma-gmp-production',
    customer: 'THANGLONG-PHARMA',
    kind: 'NEW_MODULE',
    module: 'production',
    title: 'Quản lý sản xuất thuốc theo lô (GMP)',
    description:
      'Lệnh sản xuất theo lô, hồ sơ lô, kiểm soát hạn dùng nguyên liệu và tính giá thành theo lô thành phẩm.',
    stage: 'CLOSED',
    submittedDaysAgo: 420,
    stageDaysAgo: 45,
    assignee: 'thanh.tam@vendor.example',
  },
  {
    key: 'giadinh-retail-loyalty',
    customer: 'GIADINH-RETAIL',
    kind: 'NEW_MODULE',
    module: 'crm',
    title: 'Chương trình khách hàng thân thiết',
    description: 'Tích điểm, hạng thẻ thành viên và ưu đãi sinh nhật cho khách mua lẻ tại chuỗi cửa hàng.',
    stage: 'REJECTED',
    leftAt: 'CONTRACT',
    exitNote: 'Khách hàng chưa bố trí được ngân sách trong năm nay; hai bên thống nhất xem xét lại vào năm sau.',
    submittedDaysAgo: 70,
    stageDaysAgo: 28,
    assignee: 'quoc.bao@vendor.example',
  },
  {
    key: 'kessler-group-reporting',
    customer: 'KESSLER-VIETNAM',
    kind: 'EXTENSION',
    module: 'reporting',
    title: 'Consolidated reporting in EUR for the group head office',
    description:
      'Monthly management accounts translated to EUR at the group rate, in the head office’s chart of accounts, with drill-down to the Vietnamese source documents.',
    stage: 'DEVELOPMENT',
    submittedDaysAgo: 65,
    stageDaysAgo: 9,
    assignee: 'quoc.bao@vendor.example',
  },
  {
    key: 'songlam-sugar-shareholders',
    customer: 'SONGLAM-SUGAR',
    kind: 'NEW_MODULE',
    module: 'shareholders',
    title: 'Quản lý cổ đông và chia cổ tức',
    description: 'Quản lý danh sách cổ đông, chốt quyền nhận cổ tức và in thông báo trả cổ tức.',
    stage: 'SUBMITTED',
    submittedDaysAgo: 1,
    stageDaysAgo: 1,
  },
  {
    key: 'vinhlong-water-e-wallet',
    customer: 'VINHLONG-WATER',
    kind: 'EXTENSION',
    module: 'water-billing',
    title: 'Thu tiền nước qua ví điện tử',
    description: 'Cho phép khách hàng thanh toán tiền nước qua ví điện tử và tự động gạch nợ.',
    stage: 'REJECTED',
    leftAt: 'ANALYSIS',
    exitNote:
      'Tính năng thanh toán qua ví điện tử đã có trong lộ trình phiên bản 3.5 của phân hệ, không cần phát triển riêng cho đơn vị.',
    submittedDaysAgo: 50,
    stageDaysAgo: 30,
    assignee: 'thanh.tam@vendor.example',
  },
  {
    key: 'bmt-coffee-moisture-grading',
    customer: 'BMT-COFFEE',
    kind: 'EXTENSION',
    module: 'inventory',
    title: 'Quản lý kho cà phê nhân theo độ ẩm và tạp chất',
    description:
      'Ghi nhận độ ẩm, tạp chất khi nhập cà phê nhân và quy đổi khối lượng tiêu chuẩn để tính tồn kho và giá mua.',
    stage: 'CLOSED',
    submittedDaysAgo: 160,
    stageDaysAgo: 10,
    assignee: 'thanh.tam@vendor.example',
  },
  {
    key: 'hanbit-vina-payroll',
    customer: 'HANBIT-VINA',
    kind: 'NEW_MODULE',
    module: 'hr-payroll',
    title: 'HR and payroll for the Thai Nguyen plant',
    description:
      'Timekeeping from the factory turnstiles, shift allowances, payroll with Vietnamese social insurance and payslips in Korean and Vietnamese.',
    stage: 'CONTRACT',
    submittedDaysAgo: 30,
    stageDaysAgo: 3,
    assignee: 'quoc.bao@vendor.example',
  },
  {
    key: 'donghai-steel-reporting',
    customer: 'DONGHAI-STEEL',
    kind: 'NEW_MODULE',
    module: 'reporting',
    title: 'Báo cáo quản trị sản lượng và giá thành phôi thép',
    description: 'Bảng điều khiển sản lượng, tiêu hao điện năng và giá thành phôi thép theo ca.',
    stage: 'WITHDRAWN',
    leftAt: 'CONSULTATION',
    exitNote: 'Công ty tự xây dựng báo cáo bằng công cụ nội bộ, xin rút yêu cầu.',
    submittedDaysAgo: 20,
    stageDaysAgo: 14,
    assignee: 'impl@vendor.example',
  },
];

/** Staff notes for each step, by the customer's locale. */
export const STAGE_NOTES: Readonly<Record<'VI' | 'EN', Readonly<Record<ModuleRequestStage, string>>>> = {
  VI: {
    SUBMITTED: 'Khách hàng gửi yêu cầu qua cổng thông tin.',
    CONSULTATION: 'Cử chuyên gia trao đổi với khách hàng, nắm bắt nhu cầu và quy trình nghiệp vụ hiện tại.',
    ANALYSIS: 'Phân tích yêu cầu, thiết kế cơ sở dữ liệu và giao diện kết hợp với phần mềm khách hàng đang sử dụng.',
    CONTRACT: 'Gửi báo giá và dự thảo hợp đồng nâng cấp, mở rộng phần mềm cho khách hàng.',
    DEVELOPMENT:
      'Hợp đồng đã ký. Bắt đầu hiệu chỉnh cơ sở dữ liệu, lập trình màn hình cập nhật dữ liệu, báo cáo và tìm kiếm.',
    SANDBOX_TESTING: 'Cài đặt phiên bản nâng cấp trên môi trường sandbox để kiểm thử cùng khách hàng.',
    VERIFICATION: 'Kiểm tra tính đúng đắn của số liệu và chức năng trên sandbox; chờ khách hàng xác nhận.',
    INSTALLATION: 'Cài đặt trên môi trường chạy thật và chỉnh sửa chi tiết tại văn phòng khách hàng.',
    TRAINING: 'Đào tạo người dùng và hỗ trợ sử dụng các chức năng mới.',
    WARRANTY: 'Bàn giao và bắt đầu thời gian bảo hành; hỗ trợ kỹ thuật miễn phí với các trường hợp bất khả kháng.',
    CLOSED: 'Hết thời gian bảo hành theo hợp đồng, đóng yêu cầu.',
    REJECTED: 'Từ chối yêu cầu.',
    WITHDRAWN: 'Khách hàng rút yêu cầu.',
  },
  EN: {
    SUBMITTED: 'Request submitted through the portal.',
    CONSULTATION: 'Consultant met the customer to understand the needs and the current business process.',
    ANALYSIS: 'Requirements analysed; database and screens designed to fit the software already in use.',
    CONTRACT: 'Quotation and draft upgrade contract sent to the customer.',
    DEVELOPMENT:
      'Contract signed. Development of the database changes, data-entry screens, reports and searches started.',
    SANDBOX_TESTING: 'New version deployed to the sandbox for testing with the customer.',
    VERIFICATION: 'Figures and functions checked in the sandbox; awaiting the customer’s sign-off.',
    INSTALLATION: 'Installed in production and fine-tuned at the customer’s offices.',
    TRAINING: 'Users trained and supported on the new functions.',
    WARRANTY: 'Handed over; warranty period started, with free support for force-majeure cases.',
    CLOSED: 'Warranty period ended; request closed.',
    REJECTED: 'Request rejected.',
    WITHDRAWN: 'Request withdrawn by the customer.',
  },
};
