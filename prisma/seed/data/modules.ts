// The ERP's module catalog, bilingual. `requires` lists the modules that must be installed first.

export interface ModuleSeed {
  key: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  /** Catalog grouping, a stable code the portal translates. */
  category: 'finance' | 'supply-chain' | 'human-resources' | 'customers' | 'industry' | 'analytics';
  latestVersion: string;
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
    latestVersion: '6.4.0',
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
    latestVersion: '3.3.0',
    requires: ['accounting'],
  },
  {
    key: 'fixed-assets',
    nameVi: 'Tài sản cố định',
    nameEn: 'Fixed assets',
    descriptionVi: 'Theo dõi tăng giảm, điều chuyển, khấu hao và kiểm kê tài sản cố định, công cụ dụng cụ.',
    descriptionEn: 'Acquisitions, disposals, transfers, depreciation and counts of fixed assets and tools.',
    category: 'finance',
    latestVersion: '4.1.0',
    requires: ['accounting'],
  },
  {
    key: 'shareholders',
    nameVi: 'Quản lý cổ đông',
    nameEn: 'Shareholder management',
    descriptionVi: 'Sổ đăng ký cổ đông, chuyển nhượng cổ phần, chia cổ tức và tổ chức đại hội đồng cổ đông.',
    descriptionEn: 'Shareholder register, share transfers, dividends and general meetings.',
    category: 'finance',
    latestVersion: '2.3.0',
    requires: ['accounting'],
  },
  {
    key: 'inventory',
    nameVi: 'Quản lý kho',
    nameEn: 'Inventory',
    descriptionVi: 'Nhập, xuất, điều chuyển kho, tính giá vốn, quản lý lô và hạn dùng, kiểm kê kho định kỳ.',
    descriptionEn: 'Receipts, issues and transfers, costing, lots and expiry dates, periodic stock-takes.',
    category: 'supply-chain',
    latestVersion: '5.7.0',
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
    latestVersion: '5.3.0',
    requires: ['accounting'],
  },
  {
    key: 'purchasing',
    nameVi: 'Mua hàng',
    nameEn: 'Purchasing',
    descriptionVi: 'Đề nghị mua hàng, đơn đặt hàng nhà cung cấp, nhận hàng, đối chiếu hóa đơn và công nợ nhà cung cấp.',
    descriptionEn: 'Purchase requisitions, supplier orders, goods receipt, invoice matching and supplier balances.',
    category: 'supply-chain',
    latestVersion: '5.2.4',
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
    latestVersion: '4.8.0',
    requires: ['inventory', 'purchasing'],
  },
  {
    key: 'warranty',
    nameVi: 'Quản lý bảo hành',
    nameEn: 'Warranty management',
    descriptionVi: 'Phiếu bảo hành theo số serial, tiếp nhận và xử lý yêu cầu bảo hành, theo dõi chi phí bảo hành.',
    descriptionEn: 'Serial-number warranty cards, warranty claims and repairs, warranty cost tracking.',
    category: 'customers',
    latestVersion: '2.5.1',
    requires: ['sales'],
  },
  {
    key: 'crm',
    nameVi: 'Quản lý quan hệ khách hàng (CRM)',
    nameEn: 'Customer relationship management (CRM)',
    descriptionVi: 'Khách hàng tiềm năng, cơ hội bán hàng, chăm sóc khách hàng, lịch hẹn và chiến dịch tiếp thị.',
    descriptionEn: 'Leads, opportunities, customer care, appointments and marketing campaigns.',
    category: 'customers',
    latestVersion: '3.0.2',
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
    latestVersion: '6.1.3',
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
    latestVersion: '3.4.0',
    requires: ['accounting', 'e-invoice'],
  },
  {
    key: 'hospital-billing',
    nameVi: 'Quản lý viện phí',
    nameEn: 'Hospital billing',
    descriptionVi: 'Thu viện phí, tạm ứng, thanh toán bảo hiểm y tế và đối soát với cổng giám định BHYT.',
    descriptionEn: 'Patient fees and deposits, health-insurance claims and reconciliation with the insurer portal.',
    category: 'industry',
    latestVersion: '2.2.0',
    requires: ['accounting'],
  },
  {
    key: 'transport',
    nameVi: 'Quản lý vận tải',
    nameEn: 'Transport management',
    descriptionVi: 'Điều phối xe và tài xế, lệnh vận chuyển, chi phí nhiên liệu, theo dõi chuyến hàng và công nợ cước.',
    descriptionEn: 'Vehicle and driver dispatch, transport orders, fuel costs, shipment tracking and freight billing.',
    category: 'supply-chain',
    latestVersion: '2.7.0',
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
    latestVersion: '3.1.0',
    requires: [],
  },
];
