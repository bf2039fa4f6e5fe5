import type { UpgradeKind } from '../enums.ts';
import { lines, paragraphs, type NoticeCatalog, type NoticeTemplateContext } from './catalog.ts';

// Vietnamese notice templates. Wording follows the vendor's own process document
// ("nâng cấp", "bảo trì", "thời gian dự kiến gián đoạn", "đăng nhập lại", TK and CSKH).

const KIND_PHRASE: Readonly<Record<UpgradeKind, string>> = {
  FEATURE: 'cập nhật tính năng mới',
  FIX: 'cập nhật sửa lỗi',
  SERVER: 'bảo trì máy chủ',
};

const GREETING = 'Kính gửi Quý khách hàng,';
const SIGN_OFF = 'Trân trọng,\nBộ phận Chăm sóc khách hàng';
const TEAM_ROLE = { IMPLEMENTATION: 'Triển khai (TK)', CUSTOMER_CARE: 'Chăm sóc khách hàng (CSKH)' } as const;

/** The closing block of every notice: the vendor's contact, then the customer's account team. */
function contact(c: NoticeTemplateContext): string | undefined {
  if (!c.contact) return undefined;
  const { vendor, accountTeam } = c.contact;
  return lines(
    'Nếu cần hỗ trợ, Quý khách vui lòng liên hệ:',
    lines(`${vendor.name}`, vendor.email && `Email: ${vendor.email}`, vendor.phone && `Điện thoại: ${vendor.phone}`),
    accountTeam.length > 0 &&
      `Cán bộ phụ trách Quý khách: ${accountTeam.map((m) => `${m.name} – ${TEAM_ROLE[m.role]}`).join('; ')}`,
  );
}

/** The sentence about working hours, only when the window really lies outside them for this customer. */
function outsideWorkingHours(c: NoticeTemplateContext): string | undefined {
  return c.outsideWorkingHours
    ? 'Thời điểm nâng cấp được chọn ngoài giờ làm việc để hạn chế ảnh hưởng đến hoạt động của đơn vị.'
    : undefined;
}

/** FIX: the customer's own modules the fix is for, with the versions it runs. */
function customerModules(c: NoticeTemplateContext): string | undefined {
  if (!c.customerModules?.length) return undefined;
  const list = c.customerModules.map((m) => `${m.name} (phiên bản Quý khách đang dùng: ${m.version})`).join(', ');
  return lines(
    `Bản sửa lỗi áp dụng cho các phân hệ của Quý khách: ${list}.`,
    c.targetVersion && `Phiên bản sau khi cập nhật: ${c.targetVersion}.`,
  );
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} phút`;
  return rest === 0 ? `${hours} giờ` : `${hours} giờ ${rest} phút`;
}

function downtime(c: NoticeTemplateContext): string {
  return c.expectedDowntimeMinutes > 0
    ? `Thời gian dự kiến gián đoạn: khoảng ${duration(c.expectedDowntimeMinutes)}.`
    : 'Thời gian dự kiến gián đoạn: không đáng kể, Quý khách vẫn có thể tiếp tục sử dụng phần mềm.';
}

function modules(c: NoticeTemplateContext): string | undefined {
  return c.modules.length > 0 ? `Phân hệ liên quan: ${c.modules.join(', ')}.` : undefined;
}

function relogin(c: NoticeTemplateContext): string | undefined {
  return c.requiresRelogin ? 'Sau khi nâng cấp, người dùng cần đăng nhập lại vào phần mềm.' : undefined;
}

function details(c: NoticeTemplateContext): string {
  return lines(`Thời gian thực hiện: ${c.window}`, modules(c), downtime(c), relogin(c));
}

/** The upgrade's own words: its summary and what changes for the users. */
function about(c: NoticeTemplateContext): string | undefined {
  return lines(c.summary, c.changes && `Những thay đổi chính:\n${c.changes}`) || undefined;
}

function acknowledgement(c: NoticeTemplateContext): string | undefined {
  return c.acknowledgeBy ? `Quý khách vui lòng xác nhận đã nhận thông báo này trước ${c.acknowledgeBy}.` : undefined;
}

function reason(c: NoticeTemplateContext): string | undefined {
  return c.reason ? `Lý do: ${c.reason}` : undefined;
}

export const vi: NoticeCatalog = {
  ANNOUNCEMENT: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `Chúng tôi trân trọng thông báo kế hoạch ${KIND_PHRASE[c.kind]} “${c.title}” trên hệ thống của Quý khách.`,
      details(c),
      about(c),
      c.kind === 'FEATURE' &&
        [
          'Phiên bản mới được kiểm thử trên môi trường sandbox trước khi triển khai trên môi trường chạy thật (production).',
          outsideWorkingHours(c),
        ]
          .filter(Boolean)
          .join(' '),
      'Nếu thời gian trên trùng với kỳ khóa sổ, tính lương, quyết toán thuế hoặc công việc quan trọng của đơn vị, Quý khách vui lòng phản hồi sớm để chúng tôi sắp xếp lại lịch.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  REMINDER: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `Xin nhắc Quý khách: việc ${KIND_PHRASE[c.kind]} “${c.title}” sẽ được thực hiện theo lịch dưới đây.`,
      details(c),
      about(c),
      'Để chuẩn bị, Quý khách vui lòng thông báo cho người dùng liên quan và hoàn tất, lưu các chứng từ đang nhập trước giờ nâng cấp.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  FINAL_REMINDER: (c) =>
    c.kind === 'SERVER'
      ? {
          title: `${c.stageName}: ${c.title}`,
          body: paragraphs(
            GREETING,
            `Hệ thống của Quý khách sẽ tạm dừng hoạt động để ${KIND_PHRASE[c.kind]} “${c.title}”. Trong thời gian này Quý khách không thể truy cập phần mềm.`,
            details(c),
            about(c),
            'Quý khách vui lòng lưu dữ liệu đang nhập và đăng xuất trước giờ bảo trì. Nếu thời gian trên ảnh hưởng đến công việc quan trọng của đơn vị, Quý khách vui lòng phản hồi ngay để chúng tôi xem xét.',
            acknowledgement(c),
            SIGN_OFF,
            contact(c),
          ),
        }
      : {
          title: `${c.stageName}: ${c.title}`,
          body: paragraphs(
            GREETING,
            `Việc ${KIND_PHRASE[c.kind]} “${c.title}” sẽ bắt đầu lúc ${c.start}.`,
            details(c),
            about(c),
            'Quý khách vui lòng lưu dữ liệu đang nhập và đăng xuất khỏi phần mềm trước giờ nâng cấp.',
            acknowledgement(c),
            SIGN_OFF,
            contact(c),
          ),
        },

  IMMINENT: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      lines(
        `Việc ${KIND_PHRASE[c.kind]} “${c.title}” sẽ bắt đầu lúc ${c.start}.`,
        c.expectedDowntimeMinutes > 0 && `Hệ thống dự kiến hoạt động trở lại chậm nhất lúc ${c.end}.`,
      ),
      lines(modules(c), downtime(c), relogin(c)),
      'Quý khách vui lòng lưu ngay dữ liệu đang nhập và đăng xuất khỏi phần mềm.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  OVERRUN: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `Việc ${KIND_PHRASE[c.kind]} “${c.title}” chưa hoàn tất trong thời gian đã thông báo (dự kiến kết thúc lúc ${c.end}) và đang được tiếp tục.`,
      lines(`Thời gian thực hiện đã thông báo: ${c.window}`, modules(c)),
      'Đội ngũ kỹ thuật đang khẩn trương hoàn tất và sẽ thông báo ngay cho Quý khách khi hệ thống sẵn sàng. Chúng tôi thành thật xin lỗi Quý khách vì sự bất tiện này.',
      SIGN_OFF,
      contact(c),
    ),
  }),

  ADVISORY: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `Chúng tôi xin thông báo bản ${KIND_PHRASE[c.kind]} “${c.title}” sẽ được áp dụng cho hệ thống của Quý khách.`,
      details(c),
      about(c),
      customerModules(c),
      c.kind === 'FIX' && 'Bản cập nhật này không làm thay đổi cách sử dụng phần mềm.',
      'Cán bộ triển khai (TK) và bộ phận Chăm sóc khách hàng (CSKH) phụ trách Quý khách đã nắm thông tin và sẵn sàng hỗ trợ Quý khách.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  RESCHEDULED: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `Lịch ${KIND_PHRASE[c.kind]} “${c.title}” đã được thay đổi.`,
      lines(c.previousWindow && `Lịch cũ: ${c.previousWindow}`, `Lịch mới: ${c.window}`, reason(c)),
      lines(modules(c), downtime(c), relogin(c)),
      'Rất mong Quý khách thông cảm cho sự thay đổi này.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  CANCELLED: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `Lịch ${KIND_PHRASE[c.kind]} “${c.title}” dự kiến vào ${c.window} đã được hủy.`,
      reason(c),
      'Hệ thống của Quý khách vẫn hoạt động bình thường, không có gián đoạn trong thời gian trên. Chúng tôi sẽ thông báo khi có lịch mới.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  COMPLETED: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `Việc ${KIND_PHRASE[c.kind]} “${c.title}” đã hoàn tất thành công. Hệ thống đã sẵn sàng để sử dụng.`,
      lines(
        `Thời gian thực hiện: ${c.window}`,
        c.modules.length > 0 && `Các phân hệ đã được cập nhật: ${c.modules.join(', ')}.`,
      ),
      about(c),
      c.requiresRelogin && 'Người dùng vui lòng đăng nhập lại để sử dụng phiên bản mới.',
      'Nếu phát hiện bất thường, Quý khách vui lòng liên hệ với chúng tôi để được hỗ trợ kịp thời.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  FAILED: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `Việc ${KIND_PHRASE[c.kind]} “${c.title}” chưa hoàn tất được.`,
      lines(`Thời gian thực hiện: ${c.window}`, modules(c), reason(c)),
      'Đội ngũ kỹ thuật đang xử lý và sẽ thông báo phương án cùng lịch thực hiện lại cho Quý khách trong thời gian sớm nhất. Chúng tôi thành thật xin lỗi vì sự bất tiện này.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),
};
