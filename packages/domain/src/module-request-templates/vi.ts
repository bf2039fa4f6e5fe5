import type { ModuleRequestKind, ModuleRequestStage } from '../module-request-stages.ts';
import { lines, paragraphs } from '../notice-templates/catalog.ts';
import type { ModuleRequestCatalog, StageChangeContext } from './catalog.ts';

// Vietnamese texts for module requests, in the words of the vendor's process document
// (tư vấn, phân tích thiết kế, hợp đồng, sandbox, cài đặt tại văn phòng, đào tạo, bảo hành).

const STAGE_NAMES: Readonly<Record<ModuleRequestStage, string>> = {
  SUBMITTED: 'Đã tiếp nhận yêu cầu',
  CONSULTATION: 'Tư vấn',
  ANALYSIS: 'Phân tích, thiết kế',
  CONTRACT: 'Thương thảo hợp đồng',
  DEVELOPMENT: 'Lập trình',
  SANDBOX_TESTING: 'Kiểm thử trên sandbox',
  VERIFICATION: 'Kiểm tra tính đúng đắn',
  INSTALLATION: 'Cài đặt tại đơn vị',
  TRAINING: 'Đào tạo',
  WARRANTY: 'Bảo hành',
  CLOSED: 'Hoàn tất',
  REJECTED: 'Từ chối',
  WITHDRAWN: 'Đã rút yêu cầu',
};

const KIND_PHRASE: Readonly<Record<ModuleRequestKind, string>> = {
  NEW_MODULE: 'bổ sung phân hệ',
  EXTENSION: 'mở rộng chức năng',
};

const MEANING: Readonly<Record<ModuleRequestStage, string>> = {
  SUBMITTED: 'Chúng tôi đã nhận được yêu cầu và sẽ sớm cử chuyên gia liên hệ với Quý khách.',
  CONSULTATION: 'Chuyên gia của chúng tôi sẽ trao đổi với Quý khách để nắm bắt nhu cầu và quy trình nghiệp vụ.',
  ANALYSIS: 'Yêu cầu đang được phân tích; cơ sở dữ liệu và giao diện đang được thiết kế.',
  CONTRACT: 'Chúng tôi đang thương thảo hợp đồng nâng cấp, mở rộng phần mềm với Quý khách.',
  DEVELOPMENT: 'Hợp đồng đã ký; cơ sở dữ liệu, màn hình và báo cáo đang được xây dựng.',
  SANDBOX_TESTING: 'Phiên bản mới đang được kiểm thử trên môi trường sandbox.',
  VERIFICATION: 'Tính đúng đắn của các chức năng mới đang được kiểm tra.',
  INSTALLATION: 'Chức năng mới đang được cài đặt và hiệu chỉnh tại văn phòng Quý khách.',
  TRAINING: 'Người dùng của Quý khách đang được đào tạo sử dụng các chức năng mới.',
  WARRANTY: 'Đã bàn giao; thời gian bảo hành và hỗ trợ miễn phí các trường hợp bất khả kháng bắt đầu.',
  CLOSED: 'Yêu cầu đã hoàn tất.',
  REJECTED: 'Rất tiếc, yêu cầu không được chấp nhận.',
  WITHDRAWN: 'Yêu cầu đã được rút theo đề nghị của Quý khách.',
};

const GREETING = 'Kính gửi Quý khách hàng,';
const SIGN_OFF = 'Trân trọng,\nBộ phận Chăm sóc khách hàng';

function news(c: StageChangeContext): string {
  return paragraphs(
    MEANING[c.stage],
    c.missingPrerequisites?.length
      ? `Lưu ý: phân hệ này cần có thêm ${c.missingPrerequisites.join(', ')}, hiện đơn vị chưa sử dụng; chuyên gia tư vấn sẽ trao đổi cùng Quý khách.`
      : undefined,
    c.module && c.deliveredVersion
      ? c.warrantyEndsOn
        ? c.kind === 'NEW_MODULE'
          ? `Phân hệ ${c.module} đã được cài đặt (phiên bản ${c.deliveredVersion}), bảo hành đến ngày ${c.warrantyEndsOn}.`
          : `Phân hệ ${c.module} đã được nâng cấp lên phiên bản ${c.deliveredVersion}, bảo hành đến ngày ${c.warrantyEndsOn}.`
        : `Phân hệ ${c.module} được ghi nhận ở phiên bản ${c.deliveredVersion}.`
      : undefined,
    c.note ? `${c.stage === 'REJECTED' ? 'Lý do' : 'Ghi chú'}: ${c.note}` : undefined,
    lines(
      `Yêu cầu: ${KIND_PHRASE[c.kind]}${c.module ? ` ${c.module}` : ''} – “${c.title}”`,
      `Giai đoạn: ${STAGE_NAMES[c.stage]}`,
      `Thời điểm: ${c.at}${c.by ? `, bởi ${c.by}` : ''}`,
    ),
  );
}

export const vi: ModuleRequestCatalog = {
  stageNames: STAGE_NAMES,
  stageChanged: (c) => ({ title: `Yêu cầu “${c.title}”: ${STAGE_NAMES[c.stage]}`, body: news(c) }),
  stageChangedEmail: (c) => ({
    subject: `[Yêu cầu phát triển] ${c.title}: ${STAGE_NAMES[c.stage]}`,
    text: paragraphs(
      GREETING,
      c.stage === 'SUBMITTED'
        ? `Yêu cầu “${c.title}” của Quý khách đã được gửi đến chúng tôi.`
        : `Yêu cầu “${c.title}” của Quý khách đã chuyển sang giai đoạn: ${STAGE_NAMES[c.stage]}.`,
      news(c),
      'Quý khách có thể xem toàn bộ tiến trình và trao đổi với chúng tôi trên cổng thông tin khách hàng.',
      SIGN_OFF,
    ),
  }),
};
