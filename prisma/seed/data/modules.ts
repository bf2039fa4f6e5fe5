// The ERP's module catalog, bilingual. `requires` lists the modules that must be installed first.
// Each module's releases cover every version a demo customer runs and every demo upgrade's target.

export interface ReleaseSeed {
  version: string;
  releasedDaysAgo: number;
  notesVi: string;
  notesEn: string;
}

export interface ModuleSeed {
  key: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  /** Catalog grouping, a stable code the portal translates. */
  category: 'finance' | 'supply-chain' | 'human-resources' | 'customers' | 'industry' | 'analytics';
  /** The versions published, oldest first (a patch of an older line may follow a newer release); the highest is the latest. */
  releases: readonly ReleaseSeed[];
  requires: readonly string[];
}

export const MODULES: readonly ModuleSeed[] = [
  {
    key: 'accounting',
    nameVi: 'Kế toán tổng hợp',
    nameEn: 'Accounting',
    descriptionVi:
      'Sổ cái, sổ nhật ký chung, công nợ phải thu và phải trả, tiền mặt và tiền gửi ngân hàng, báo cáo tài chính theo Thông tư 200 và 133.',
    descriptionEn:
      'General ledger and journal, receivables and payables, cash and bank, financial statements under Circulars 200 and 133.',
    category: 'finance',
    releases: [
      {
        version: '6.3.0',
        releasedDaysAgo: 120,
        notesVi: 'Đối chiếu tự động tiền gửi ngân hàng với sao kê.',
        notesEn: 'Automatic matching of bank deposits against statements.',
      },
      {
        version: '6.4.0',
        releasedDaysAgo: 30,
        notesVi: 'Sửa lỗi trùng số chứng từ khi nhiều người cùng lưu; đánh số chứng từ theo từng chi nhánh.',
        notesEn: 'Fixes duplicate voucher numbers when several people save at once; voucher numbering per branch.',
      },
    ],
    requires: [],
  },
  {
    key: 'e-invoice',
    nameVi: 'Hóa đơn điện tử',
    nameEn: 'E-invoicing',
    descriptionVi:
      'Lập, ký số và gửi hóa đơn điện tử có mã của cơ quan thuế; tra cứu, điều chỉnh, thay thế hóa đơn theo quy định hiện hành.',
    descriptionEn:
      'Issue, digitally sign and send tax-authority-coded e-invoices; look up, adjust and replace invoices as the regulations require.',
    category: 'finance',
    releases: [
      {
        version: '3.2.0',
        releasedDaysAgo: 25,
        notesVi: 'Áp dụng thuế suất GTGT mới trên hóa đơn điện tử.',
        notesEn: 'New VAT rates on e-invoices.',
      },
      {
        version: '3.2.1',
        releasedDaysAgo: 10,
        notesVi: 'Tăng tốc tra cứu hóa đơn điện tử đã phát hành.',
        notesEn: 'Faster lookup of issued e-invoices.',
      },
      {
        version: '3.3.0',
        releasedDaysAgo: 8,
        notesVi:
          'Mẫu hóa đơn, hóa đơn khởi tạo từ máy tính tiền và quy trình điều chỉnh, thay thế hóa đơn theo Nghị định 70/2025/NĐ-CP.',
        notesEn:
          'Invoice templates, cash-register invoices and the adjustment and replacement procedures of Decree 70/2025/ND-CP.',
      },
    ],
    requires: ['accounting'],
  },
  {
    key: 'fixed-assets',
    nameVi: 'Tài sản cố định',
    nameEn: 'Fixed assets',
    descriptionVi: 'Theo dõi tăng giảm, điều chuyển, khấu hao và kiểm kê tài sản cố định, công cụ dụng cụ.',
    descriptionEn: 'Acquisitions, disposals, transfers, depreciation and counts of fixed assets and tools.',
    category: 'finance',
    releases: [
      {
        version: '4.1.0',
        releasedDaysAgo: 90,
        notesVi: 'Khấu hao theo sản lượng và báo cáo khấu hao theo bộ phận.',
        notesEn: 'Units-of-production depreciation and depreciation reports by department.',
      },
      {
        version: '4.1.1',
        releasedDaysAgo: 12,
        notesVi: 'Bổ sung cột nguồn vốn hình thành tài sản trên báo cáo tăng giảm tài sản cố định.',
        notesEn: 'Adds the funding source column to the fixed asset movements report.',
      },
    ],
    requires: ['accounting'],
  },
  {
    key: 'shareholders',
    nameVi: 'Quản lý cổ đông',
    nameEn: 'Shareholder management',
    descriptionVi: 'Sổ đăng ký cổ đông, chuyển nhượng cổ phần, chia cổ tức và tổ chức đại hội đồng cổ đông.',
    descriptionEn: 'Shareholder register, share transfers, dividends and general meetings.',
    category: 'finance',
    releases: [
      {
        version: '2.2.0',
        releasedDaysAgo: 150,
        notesVi: 'Chia cổ tức bằng cổ phiếu và danh sách cổ đông chốt quyền.',
        notesEn: 'Stock dividends and record-date shareholder lists.',
      },
      {
        version: '2.3.0',
        releasedDaysAgo: 10,
        notesVi: 'Sổ cổ đông điện tử và biểu quyết trực tuyến.',
        notesEn: 'Electronic shareholder register and online voting.',
      },
    ],
    requires: ['accounting'],
  },
  {
    key: 'inventory',
    nameVi: 'Quản lý kho',
    nameEn: 'Inventory',
    descriptionVi: 'Nhập, xuất, điều chuyển kho, tính giá vốn, quản lý lô và hạn dùng, kiểm kê kho định kỳ.',
    descriptionEn: 'Receipts, issues and transfers, costing, lots and expiry dates, periodic stock-takes.',
    category: 'supply-chain',
    releases: [
      {
        version: '5.6.0',
        releasedDaysAgo: 100,
        notesVi: 'Giá vốn bình quân theo từng kho.',
        notesEn: 'Weighted average cost per warehouse.',
      },
      {
        version: '5.6.1',
        releasedDaysAgo: 60,
        notesVi: 'Sửa lỗi in phiếu xuất kho nhiều trang.',
        notesEn: 'Fixes printing of multi-page goods issue notes.',
      },
      {
        version: '5.6.2',
        releasedDaysAgo: 14,
        notesVi:
          'Sửa lỗi đồng bộ tồn kho giữa các chi nhánh và lỗi làm tròn số lượng khi xuất báo cáo tồn kho ra Excel.',
        notesEn:
          'Fixes stock synchronisation between branches, and the rounding of quantities in stock reports exported to Excel.',
      },
      {
        version: '5.7.0',
        releasedDaysAgo: 12,
        notesVi: 'Kiểm kê kho bằng máy quét mã vạch.',
        notesEn: 'Stocktaking with barcode scanners.',
      },
    ],
    requires: ['accounting'],
  },
  {
    key: 'sales',
    nameVi: 'Bán hàng',
    nameEn: 'Sales',
    descriptionVi:
      'Báo giá, đơn bán hàng, giao hàng, chính sách giá và chiết khấu, theo dõi doanh số theo nhân viên và kênh.',
    descriptionEn: 'Quotations, sales orders, deliveries, price lists and discounts, sales by rep and channel.',
    category: 'supply-chain',
    releases: [
      {
        version: '5.3.0',
        releasedDaysAgo: 80,
        notesVi: 'Chính sách giá và chiết khấu theo nhóm khách hàng.',
        notesEn: 'Price lists and discounts by customer group.',
      },
    ],
    requires: ['accounting'],
  },
  {
    key: 'purchasing',
    nameVi: 'Mua hàng',
    nameEn: 'Purchasing',
    descriptionVi: 'Đề nghị mua hàng, đơn đặt hàng nhà cung cấp, nhận hàng, đối chiếu hóa đơn và công nợ nhà cung cấp.',
    descriptionEn: 'Purchase requisitions, supplier orders, goods receipt, invoice matching and supplier balances.',
    category: 'supply-chain',
    releases: [
      {
        version: '5.2.4',
        releasedDaysAgo: 70,
        notesVi: 'Sửa lỗi tính thuế nhập khẩu trên đơn mua hàng nhiều loại tiền.',
        notesEn: 'Fixes import duty on multi-currency purchase orders.',
      },
    ],
    requires: ['accounting', 'inventory'],
  },
  {
    key: 'production',
    nameVi: 'Quản lý sản xuất',
    nameEn: 'Production management',
    descriptionVi:
      'Định mức nguyên vật liệu, lệnh sản xuất, kế hoạch sản xuất theo đơn hàng, tính giá thành và theo dõi năng suất.',
    descriptionEn:
      'Bills of materials, work orders, make-to-order planning, product costing and productivity tracking.',
    category: 'industry',
    releases: [
      {
        version: '4.7.2',
        releasedDaysAgo: 75,
        notesVi: 'Sửa lỗi tính định mức nguyên vật liệu cho bán thành phẩm.',
        notesEn: 'Fixes the material requirements of semi-finished goods.',
      },
      {
        version: '4.8.0',
        releasedDaysAgo: 20,
        notesVi: 'Kế hoạch sản xuất theo đơn hàng (MRP) với giao diện mới.',
        notesEn: 'Make-to-order production planning (MRP) with a new interface.',
      },
      {
        version: '4.7.3',
        releasedDaysAgo: 10,
        notesVi: 'Sửa lỗi phân bổ chi phí sản xuất chung cho lệnh sản xuất.',
        notesEn: 'Fixes the allocation of production overheads to production orders.',
      },
    ],
    requires: ['inventory', 'purchasing'],
  },
  {
    key: 'warranty',
    nameVi: 'Quản lý bảo hành',
    nameEn: 'Warranty management',
    descriptionVi: 'Phiếu bảo hành theo số serial, tiếp nhận và xử lý yêu cầu bảo hành, theo dõi chi phí bảo hành.',
    descriptionEn: 'Serial-number warranty cards, warranty claims and repairs, warranty cost tracking.',
    category: 'customers',
    releases: [
      {
        version: '2.5.1',
        releasedDaysAgo: 45,
        notesVi: 'Quản lý bảo hành theo số serial.',
        notesEn: 'Warranty tracking by serial number.',
      },
    ],
    requires: ['sales'],
  },
  {
    key: 'crm',
    nameVi: 'Quản lý quan hệ khách hàng (CRM)',
    nameEn: 'Customer relationship management (CRM)',
    descriptionVi: 'Khách hàng tiềm năng, cơ hội bán hàng, chăm sóc khách hàng, lịch hẹn và chiến dịch tiếp thị.',
    descriptionEn: 'Leads, opportunities, customer care, appointments and marketing campaigns.',
    category: 'customers',
    releases: [
      {
        version: '3.0.1',
        releasedDaysAgo: 120,
        notesVi: 'Sửa lỗi gửi email nhắc lịch chăm sóc khách hàng.',
        notesEn: 'Fixes customer follow-up reminder emails.',
      },
      {
        version: '3.0.2',
        releasedDaysAgo: 30,
        notesVi: 'Đồng bộ cơ hội bán hàng với đơn bán hàng.',
        notesEn: 'Sales opportunities synchronised with sales orders.',
      },
    ],
    requires: ['sales'],
  },
  {
    key: 'hr-payroll',
    nameVi: 'Nhân sự – Tiền lương',
    nameEn: 'HR & payroll',
    descriptionVi: 'Hồ sơ nhân sự, hợp đồng lao động, chấm công, tính lương, bảo hiểm xã hội và thuế thu nhập cá nhân.',
    descriptionEn:
      'Employee records, labour contracts, timekeeping, payroll, social insurance and personal income tax.',
    category: 'human-resources',
    releases: [
      {
        version: '6.1.0',
        releasedDaysAgo: 70,
        notesVi: 'Tính lương và bảo hiểm xã hội theo quy định mới năm 2026.',
        notesEn: 'Payroll and social insurance under the 2026 rules.',
      },
      {
        version: '6.1.2',
        releasedDaysAgo: 40,
        notesVi: 'Sửa lỗi tính thuế thu nhập cá nhân cho người lao động có nhiều hợp đồng.',
        notesEn: 'Fixes personal income tax for employees with several contracts.',
      },
      {
        version: '6.1.3',
        releasedDaysAgo: 8,
        notesVi: 'Sửa lỗi hiển thị mẫu phiếu lương gửi qua email.',
        notesEn: 'Fixes the layout of payslips sent by email.',
      },
    ],
    requires: [],
  },
  {
    key: 'water-billing',
    nameVi: 'Quản lý kinh doanh nước sạch',
    nameEn: 'Water-utility billing',
    descriptionVi:
      'Quản lý khách hàng dùng nước, ghi chỉ số đồng hồ, tính tiền nước theo bậc thang, thu tiền và theo dõi nợ đọng.',
    descriptionEn: 'Water customers, meter readings, tiered water tariffs, collections and arrears.',
    category: 'industry',
    releases: [
      {
        version: '3.3.1',
        releasedDaysAgo: 90,
        notesVi: 'Sửa lỗi lập hóa đơn tiền nước cho các hộ dùng chung đồng hồ.',
        notesEn: 'Fixes water bills for households sharing a meter.',
      },
      {
        version: '3.4.0',
        releasedDaysAgo: 20,
        notesVi: 'Ghi chỉ số đồng hồ nước trên ứng dụng di động.',
        notesEn: 'Meter reading on the mobile app.',
      },
      {
        version: '3.3.2',
        releasedDaysAgo: 6,
        notesVi: 'Sửa lỗi tính tiền nước bậc thang khi đổi kỳ ghi chỉ số.',
        notesEn: 'Fixes tiered water tariffs when the meter-reading period changes.',
      },
    ],
    requires: ['accounting', 'e-invoice'],
  },
  {
    key: 'hospital-billing',
    nameVi: 'Quản lý viện phí',
    nameEn: 'Hospital billing',
    descriptionVi: 'Thu viện phí, tạm ứng, thanh toán bảo hiểm y tế và đối soát với cổng giám định BHYT.',
    descriptionEn: 'Patient fees and deposits, health-insurance claims and reconciliation with the insurer portal.',
    category: 'industry',
    releases: [
      {
        version: '2.2.0',
        releasedDaysAgo: 110,
        notesVi: 'Thanh toán bảo hiểm y tế theo bảng giá dịch vụ mới.',
        notesEn: 'Health insurance claims under the new service price list.',
      },
    ],
    requires: ['accounting'],
  },
  {
    key: 'transport',
    nameVi: 'Quản lý vận tải',
    nameEn: 'Transport management',
    descriptionVi: 'Điều phối xe và tài xế, lệnh vận chuyển, chi phí nhiên liệu, theo dõi chuyến hàng và công nợ cước.',
    descriptionEn: 'Vehicle and driver dispatch, transport orders, fuel costs, shipment tracking and freight billing.',
    category: 'supply-chain',
    releases: [
      {
        version: '2.7.0',
        releasedDaysAgo: 60,
        notesVi: 'Theo dõi hành trình xe theo thời gian thực qua GPS.',
        notesEn: 'Real-time vehicle tracking by GPS.',
      },
    ],
    requires: ['sales'],
  },
  {
    key: 'reporting',
    nameVi: 'Báo cáo quản trị (BI)',
    nameEn: 'Management reporting (BI)',
    descriptionVi:
      'Bảng điều khiển cho ban giám đốc, báo cáo động, phân tích nhiều chiều và truy xuất dữ liệu về chứng từ gốc.',
    descriptionEn:
      'Executive dashboards, ad-hoc reports, multi-dimensional analysis and drill-down to source documents.',
    category: 'analytics',
    releases: [
      {
        version: '3.0.0',
        releasedDaysAgo: 200,
        notesVi: 'Bộ báo cáo quản trị mới và trình thiết kế báo cáo.',
        notesEn: 'New management reports and a report designer.',
      },
      {
        version: '3.1.0',
        releasedDaysAgo: 25,
        notesVi: 'Bảng điều khiển BI cho ban giám đốc.',
        notesEn: 'A BI dashboard for the management board.',
      },
      {
        version: '3.2.0',
        releasedDaysAgo: 5,
        notesVi: 'Phân tích tuổi nợ đa tiền tệ trên bảng điều khiển.',
        notesEn: 'Multi-currency ageing analysis on the dashboard.',
      },
    ],
    requires: [],
  },
];
