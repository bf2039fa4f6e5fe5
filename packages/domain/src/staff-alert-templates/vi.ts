import { paragraphs } from '../notice-templates/catalog.ts';
import type { StaffAlertCatalog, StaffAlertContext } from './catalog.ts';

// Vietnamese texts for the account team (TK: triển khai, CSKH: chăm sóc khách hàng).

const by = (c: StaffAlertContext) => (c.by ? ` (${c.by})` : '');

export const vi: StaffAlertCatalog = {
  alert: {
    MODULE_REQUEST_CREATED: (c) => ({
      title: `Yêu cầu mới từ ${c.customer}: ${c.subject}`,
      body: paragraphs(
        `${c.customer}${by(c)} vừa gửi yêu cầu ${c.request ?? ''}: “${c.subject}”.`,
        c.missingPrerequisites?.length
          ? `Khách hàng chưa có các phân hệ cần thiết: ${c.missingPrerequisites.join(', ')}.`
          : undefined,
        'Vui lòng cử chuyên gia liên hệ tư vấn cho khách hàng.',
      ),
    }),
    CUSTOMER_COMMENT: (c) => ({
      title: `${c.customer} bình luận về yêu cầu “${c.subject}”`,
      body: paragraphs(`${c.customer}${by(c)} viết:`, c.text),
    }),
    COUNTER_PROPOSAL: (c) => ({
      title: `${c.customer} đề xuất lịch khác cho “${c.subject}”`,
      body: paragraphs(
        `${c.customer}${by(c)} đề xuất thời gian nâng cấp khác: ${c.when ?? ''}.`,
        c.text ? `Lý do: ${c.text}` : undefined,
        'Vui lòng xem xét và trả lời khách hàng.',
      ),
    }),
    ACKNOWLEDGEMENT_OVERDUE: (c) => ({
      title: `Quá hạn xác nhận: ${c.customer} – ${c.subject}`,
      body: paragraphs(
        `Khách hàng ${c.customer} chưa xác nhận thông báo "${c.subject}".`,
        `Hạn xác nhận: ${c.when ?? ''}.`,
        'Vui lòng liên hệ khách hàng để xác nhận trước khi nâng cấp diễn ra.',
      ),
    }),
    DELIVERY_FAILED: (c) => ({
      title: `Gửi thông báo thất bại: ${c.customer} – ${c.subject}`,
      body: paragraphs(
        `Thông báo "${c.subject}" không gửi được (${c.channel ?? ''}) sau ${c.attempts ?? 0} lần thử; hệ thống đã dừng gửi.`,
        c.text ? `Lỗi cuối cùng: ${c.text}` : undefined,
        'Vui lòng báo cho khách hàng qua kênh khác và kiểm tra địa chỉ nhận.',
      ),
    }),
  },
  channel: (channel, recipient) =>
    channel === 'WEBHOOK' ? `webhook tới ${recipient}` : channel === 'EMAIL' ? `email tới ${recipient}` : recipient,
  emailSubject: (title) => `[Cảnh báo khách hàng] ${title}`,
  emailText: (body) =>
    paragraphs('Chào anh/chị,', body, 'Xem và đánh dấu đã đọc trong hộp cảnh báo của trang quản trị Upgrade Desk.'),
};
