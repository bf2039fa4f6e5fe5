// Components rendered on the server (as the first paint every user gets), in both languages.
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CalendarGrid from '$lib/components/calendar-grid.svelte';
import DataTable from '$lib/components/data-table.svelte';
import FormFields from '$lib/components/form-fields.svelte';
import FormOutcome from '$lib/components/form-outcome.svelte';
import NoteForm from '$lib/components/note-form.svelte';
import NoticeItem from '$lib/components/notice-item.svelte';
import RequestSteps from '$lib/components/request-steps.svelte';
import RowAction from '$lib/components/row-action.svelte';
import SelectField from '$lib/components/select-field.svelte';
import SiteNav from '$lib/components/site-nav.svelte';
import UpgradeCard from '$lib/components/upgrade-card.svelte';
import { dateTimeFormatter, monthGrid, weekOf } from '@upgrade-desk/domain/time-zone';
import type { InboxNotice } from '$lib/live/live-notice';
import type { UpgradeListItem } from '$lib/fragments';
import { localizedPair, type FieldLayout } from '$lib/form-fields';

const text = (html: string) =>
  html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const upgrade: UpgradeListItem = {
  id: 'VXBncmFkZTox',
  kind: 'SERVER',
  status: 'SCHEDULED',
  title: 'Chuyển máy chủ cơ sở dữ liệu',
  windowStart: '2026-11-30T15:30:00.000Z',
  windowEnd: '2026-11-30T16:30:00.000Z',
  expectedDowntimeMinutes: 30,
  requiresRelogin: true,
  modules: [
    { id: 'm1', name: 'Kế toán tổng hợp' },
    { id: 'm2', name: 'Quản lý kho' },
  ],
};

describe('UpgradeCard', () => {
  it("shows kind, window in the customer's zone, modules, downtime and re-login, in Vietnamese", () => {
    const { body } = render(UpgradeCard, { props: { upgrade, fmt: dateTimeFormatter('VI', 'Asia/Ho_Chi_Minh') } });
    const words = text(body);
    expect(words).toContain('Bảo trì máy chủ');
    expect(words).toContain('Đã lên lịch');
    expect(words).toContain('Thứ 2, 30/11/2026, 22:30 – 23:30 (UTC+07:00)');
    expect(words).toContain('Kế toán tổng hợp, Quản lý kho');
    expect(words).toContain('30 phút');
    expect(words).toContain('Cần đăng nhập lại sau nâng cấp');
    expect(body).toContain('href="/maintenance/VXBncmFkZTox"');
    expect(body).toContain('datetime="2026-11-30T15:30:00.000Z"');
  });

  it('speaks English, with plurals, and in another zone', () => {
    const { body } = render(UpgradeCard, {
      props: {
        upgrade: { ...upgrade, expectedDowntimeMinutes: 1, requiresRelogin: false },
        fmt: dateTimeFormatter('EN', 'Europe/Berlin'),
      },
    });
    const words = text(body);
    expect(words).toContain('Server maintenance');
    expect(words).toContain('Mon, 30/11/2026, 16:30 – 17:30 (UTC+01:00)');
    expect(words).toContain('1 minute');
    expect(words).toContain('Not needed');
  });
});

const notice: InboxNotice = {
  id: 'Tm90aWNlOjE=',
  stage: 'FINAL_REMINDER',
  title: 'Thông báo tạm dừng hệ thống',
  body: 'Kính gửi Quý khách hàng,\n\nHệ thống sẽ tạm dừng.',
  publishedAt: '2026-11-27T15:30:00.000Z',
  requiresAcknowledgement: true,
  acknowledgeBy: '2026-11-30T15:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  upgrade: { id: 'VXBncmFkZTox', title: 'Chuyển máy chủ', kind: 'SERVER' },
};

describe('NoticeItem', () => {
  const fmt = dateTimeFormatter('VI', 'Asia/Ho_Chi_Minh');

  it('offers "Xác nhận" and a checkbox, labelled with the title, when it awaits an acknowledgement', () => {
    const { body } = render(NoticeItem, {
      props: { notice, fmt, actionable: true, now: new Date('2026-11-28T00:00:00Z') },
    });
    expect(body).toMatch(/<input[^>]*type="checkbox"[^>]*name="ids"[^>]*value="Tm90aWNlOjE="/);
    expect(body).toMatch(/<button[^>]*name="only"[^>]*value="Tm90aWNlOjE="/);
    expect(body).toContain('aria-label="Xác nhận: Thông báo tạm dừng hệ thống"');
    const words = text(body);
    expect(words).toContain('Xác nhận');
    expect(words).toContain('Hạn xác nhận: Thứ 2, 30/11/2026, 22:00 (UTC+07:00)');
    expect(words).toContain('Kính gửi Quý khách hàng,');
    expect(words).not.toContain('Quá hạn xác nhận');
  });

  it('marks an overdue one and shows who acknowledged an acknowledged one', () => {
    const overdue = render(NoticeItem, {
      props: { notice, fmt, actionable: true, now: new Date('2026-12-01T00:00:00Z') },
    });
    expect(text(overdue.body)).toContain('Quá hạn xác nhận');

    const done = render(NoticeItem, {
      props: {
        notice: { ...notice, acknowledgedAt: '2026-11-28T02:00:00.000Z', acknowledgedBy: { name: 'Trần Thị Bình' } },
        fmt: dateTimeFormatter('EN', 'Asia/Ho_Chi_Minh'),
        actionable: true,
        now: new Date('2026-11-28T03:00:00Z'),
      },
    });
    expect(done.body).not.toContain('name="only"');
    expect(text(done.body)).toContain('Acknowledged by Trần Thị Bình, Sat, 28/11/2026, 09:00 (UTC+07:00)');
  });
});

describe('RequestSteps', () => {
  it('lists the ten steps as done, current and to come', () => {
    const { body } = render(RequestSteps, {
      props: {
        stage: 'ANALYSIS',
        reached: {
          SUBMITTED: { at: '2026-10-19T01:15:00.000Z', by: 'Nguyễn Thị Hồng Nhung' },
          CONSULTATION: { at: '2026-11-03T07:30:00.000Z', by: 'Phạm Văn Long' },
          ANALYSIS: { at: '2026-11-11T01:30:00.000Z', by: 'Phạm Văn Long' },
        },
        fmt: dateTimeFormatter('EN', 'Asia/Ho_Chi_Minh'),
      },
    });
    expect(body.match(/<li/g)).toHaveLength(10);
    expect(body.match(/steps__step--done/g)).toHaveLength(2);
    expect(body).toMatch(/steps__step--current[^>]*aria-current="step"/);
    expect(body.match(/steps__step--todo/g)).toHaveLength(7);
    expect(text(body)).toContain('Analysis and design Current');
    expect(text(body)).toContain('Phạm Văn Long, Wed, 11/11/2026, 08:30 (UTC+07:00)');
  });
});

describe('CalendarGrid', () => {
  const fmt = dateTimeFormatter('VI', 'Asia/Ho_Chi_Minh');
  const href = (event: { id: string }) => `/somewhere/${event.id}`;

  it('starts weeks on Monday and puts a window on its local day, linked where the page says', () => {
    const early = { ...upgrade, windowStart: '2026-11-30T17:30:00.000Z' };
    const { body } = render(CalendarGrid, {
      props: {
        rows: monthGrid('2026-12'),
        caption: 'tháng 12 năm 2026',
        byDay: { '2026-12-01': [early] },
        fmt,
        today: '2026-12-01',
        href,
      },
    });
    expect(body).toContain('<abbr title="Thứ Hai">');
    expect(body.match(/<tr>/g)).toHaveLength(6); // header + 5 weeks
    const firstWeek = body.slice(body.indexOf('<tbody'), body.indexOf('</tr>', body.indexOf('<tbody')));
    expect(firstWeek).toContain('calendar__day--outside');
    expect(firstWeek).toContain('Chuyển máy chủ cơ sở dữ liệu');
    expect(firstWeek).toContain('calendar__day--today');
    expect(firstWeek).toContain(`href="/somewhere/${upgrade.id}"`);
  });

  it('shows one week, or one day under its own weekday', () => {
    const week = render(CalendarGrid, {
      props: { rows: [weekOf('2026-12-09')], caption: 'tuần', byDay: {}, fmt, today: '2026-12-09', href },
    });
    expect(week.body.match(/<tr>/g)).toHaveLength(2);
    expect(week.body.match(/class="calendar__day/g)).toHaveLength(7);
    expect(week.body).not.toContain('calendar__day--outside');

    const day = render(CalendarGrid, {
      props: {
        rows: [['2026-12-09']],
        caption: 'ngày',
        byDay: { '2026-12-09': [upgrade] },
        fmt,
        today: '2026-12-01',
        href,
      },
    });
    expect(day.body.match(/<th /g)).toHaveLength(1);
    expect(day.body).toContain('<abbr title="Thứ Tư">'); // 9 December 2026 is a Wednesday
    expect(text(day.body)).toContain('Chuyển máy chủ cơ sở dữ liệu');
  });
});

describe('SiteNav', () => {
  it('marks the current section and shows the unacknowledged count in words for screen readers', () => {
    const { body } = render(SiteNav, { props: { locale: 'EN', pathname: '/requests/abc', unacknowledged: 2 } });
    expect(body).toMatch(/<a[^>]*href="\/requests"[^>]*aria-current="true"/);
    expect(text(body)).toContain('(2 unacknowledged)');
    const none = render(SiteNav, { props: { locale: 'VI', pathname: '/', unacknowledged: 0 } });
    expect(none.body).not.toContain('count-badge');
    expect(none.body).toMatch(/<a[^>]*href="\/"[^>]*aria-current="page"/);
  });
});

describe('DataTable', () => {
  const row = createRawSnippet((item: () => { id: string; name: string }) => ({
    render: () => `<td>${item().name}</td>`,
  }));

  it('names the columns it is given, leaves out `false` ones and hides `{ hidden }` ones from sight', () => {
    const { body } = render(DataTable<{ id: string; name: string }>, {
      props: {
        columns: ['Tên', false, { hidden: 'Thao tác' }],
        rows: [
          { id: 'a', name: 'Kho' },
          { id: 'b', name: 'Kế toán' },
        ],
        row,
        empty: 'Không có',
        testid: 'things',
      },
    });
    expect(body.match(/<th scope="col"/g)).toHaveLength(2);
    expect(body).toContain('<span class="visually-hidden">Thao tác</span>');
    expect(body).toContain('data-testid="things"');
    expect(text(body)).toContain('Kho Kế toán');
    expect(body).not.toContain('Không có');
  });

  it('says so instead of showing an empty table', () => {
    const { body } = render(DataTable<{ id: string; name: string }>, {
      props: { columns: ['Tên'], rows: [], row, empty: 'Không có' },
    });
    expect(body).toContain('<p class="empty">Không có</p>');
    expect(body).not.toContain('<table');
  });

  it('keys items without an id by `key`, adds their row attributes and a caption for screen readers', () => {
    const cell = createRawSnippet((item: () => { code: string; state: string }) => ({
      render: () => `<td>${item().code}</td>`,
    }));
    const { body } = render(DataTable<{ code: string; state: string }>, {
      props: {
        columns: ['Mã'],
        rows: [
          { code: 'KH1', state: 'overdue' },
          { code: 'KH2', state: 'pending' },
        ],
        key: (item) => item.code,
        row: cell,
        rowTestid: 'progress-row',
        rowAttributes: (item) => ({ 'data-customer': item.code, 'data-state': item.state }),
        caption: 'Tiến độ: Nâng cấp',
      },
    });
    expect(body).toContain('<caption class="visually-hidden">Tiến độ: Nâng cấp</caption>');
    expect(body).toMatch(/<tr data-testid="progress-row" data-customer="KH1" data-state="overdue">/);
    expect(body).toMatch(/<tr data-testid="progress-row" data-customer="KH2" data-state="pending">/);
  });

  it('shows an empty table when it is given no sentence for the empty case', () => {
    const { body } = render(DataTable<{ id: string; name: string }>, {
      props: { columns: ['Tên'], rows: [], row },
    });
    expect(body).toContain('<table');
    expect(body).toContain('<th scope="col">Tên</th>');
    expect(body).not.toContain('<caption');
  });
});

describe('SelectField', () => {
  it('marks the chosen option in the HTML and wires its error to the control', () => {
    const { body } = render(SelectField, {
      props: {
        id: 'role',
        name: 'role',
        label: 'Vai trò',
        empty: 'Chọn…',
        options: [
          { value: 'A', label: 'Một' },
          { value: 'B', label: 'Hai' },
        ],
        value: 'B',
        error: 'Sai',
      },
    });
    expect(body).toMatch(/<option value="B" selected[^>]*>Hai<\/option>/);
    expect(body).not.toMatch(/<option value="" selected/);
    expect(body).toMatch(/<select[^>]*aria-invalid="true"[^>]*aria-describedby="role-error"/);
    expect(body).toContain('<p id="role-error" class="field__error">Sai</p>');
  });

  it('chooses the empty option when nothing is chosen', () => {
    const { body } = render(SelectField, {
      props: {
        id: 'kind',
        name: 'kind',
        label: 'Loại',
        empty: 'Tất cả',
        options: [{ value: 'A', label: 'Một' }],
        inline: true,
      },
    });
    expect(body).toMatch(/<option value="" selected[^>]*>Tất cả<\/option>/);
    expect(body).toContain('field--inline');
    expect(body).not.toContain('aria-describedby');
  });
});

describe('RowAction', () => {
  it("posts the row's id to the action, its button named after the row", () => {
    const { body } = render(RowAction, {
      props: {
        action: '?/disableUser',
        name: 'userId',
        value: 'u1',
        text: 'Vô hiệu hóa',
        label: 'Vô hiệu hóa An',
        tone: 'danger',
      },
    });
    expect(body).toMatch(/<form method="POST" action="\?\/disableUser"/);
    expect(body).toMatch(/<input type="hidden" name="userId" value="u1"/);
    expect(body).toMatch(/<button[^>]*class="button button--danger button--small"[^>]*aria-label="Vô hiệu hóa An"/);
  });
});

describe('FormOutcome', () => {
  it('shows the success, else the form-level error, else nothing', () => {
    const done = render(FormOutcome, { props: { locale: 'EN', done: 'console.customer.invited' } }).body;
    expect(text(done)).toBe('The invitation was sent.');
    expect(done).toContain('role="status"');
    const refused = render(FormOutcome, { props: { locale: 'EN', error: 'console.customerUsers.roleError' } }).body;
    expect(text(refused)).toBe('Choose a customer role.');
    expect(refused).toContain('role="alert"');
    expect(text(render(FormOutcome, { props: { locale: 'EN' } }).body)).toBe('');
  });
});

describe('FormOutcome', () => {
  it('names its error for the fields that it describes', () => {
    const { body } = render(FormOutcome, {
      props: { locale: 'EN', error: 'console.customerUsers.roleError', problemId: 'invite-problem' },
    });
    expect(body).toContain('<p class="alert" role="alert" id="invite-problem">Choose a customer role.</p>');
  });
});

describe('FormFields', () => {
  type Name = 'nameVi' | 'nameEn' | 'category' | 'requiresIds' | 'version';
  const options = [
    { value: 'm1', label: 'Ledger' },
    { value: 'm2', label: 'Stock' },
  ];
  const fields: FieldLayout<Name> = [
    localizedPair(
      { id: 'module-name-vi', name: 'nameVi', label: 'console.modules.nameVi', required: true, maxlength: 200 },
      { id: 'module-name-en', name: 'nameEn', label: 'console.modules.nameEn', required: false },
    ),
    {
      id: 'module-category',
      name: 'category',
      type: 'select',
      label: 'console.modules.category',
      empty: 'console.choose',
      options,
    },
    { id: 'module-requires', name: 'requiresIds', type: 'checkboxes', label: 'console.modules.requires', options },
    {
      id: 'module-version',
      name: 'version',
      label: 'console.modules.firstVersion',
      help: 'console.plan.sandboxHelp',
      helpParams: { zone: 'Asia/Ho_Chi_Minh' },
    },
  ];

  it('draws a row side by side, the kept values, the chosen option and the ticked boxes', () => {
    const { body } = render(FormFields<Name>, {
      props: {
        locale: 'EN',
        fields,
        values: { nameVi: 'Kế toán', nameEn: 'Ledger', category: 'm1', requiresIds: ['m2'] },
      },
    });
    expect(body).toMatch(
      /<div class="field-row">.*id="module-name-vi".*id="module-name-en".*<\/div>.*module-category/s,
    );
    expect(body).toMatch(
      /<input id="module-name-vi" name="nameVi" type="text" maxlength="200" required[^>]*value="Kế toán"/,
    );
    expect(body).toMatch(/<input id="module-name-en" name="nameEn" type="text" maxlength="200" value="Ledger"/);
    expect(body).toMatch(/<option value="m1" selected[^>]*>Ledger<\/option>/);
    expect(body).not.toMatch(/<option value="m2" selected/);
    expect(body).toMatch(/<input type="checkbox" name="requiresIds" value="m2" checked/);
    expect(body).not.toMatch(/value="m1" checked/);
    expect(body).toContain('<legend>Requires</legend>');
    expect(body).toMatch(/<p id="module-version-help" class="field__help">[^<]*Asia\/Ho_Chi_Minh/);
    expect(body).not.toContain('aria-invalid');
  });

  it("puts each field's message beside it, translated, and describes every field by the form's problem", () => {
    const { body } = render(FormFields<Name>, {
      props: {
        locale: 'VI',
        fields,
        errors: { nameVi: 'console.modules.error.required', requiresIds: 'console.modules.error.requires' },
        describedBy: ['module-problem', false],
      },
    });
    expect(body).toMatch(
      /<input id="module-name-vi"[^>]*aria-invalid="true" aria-describedby="module-problem module-name-vi-error"/,
    );
    expect(body).toMatch(/<input id="module-name-en"[^>]*aria-describedby="module-problem"/);
    expect(body).toMatch(/<fieldset class="choices" aria-describedby="module-requires-error">/);
    expect(text(body)).toContain('Vui lòng điền trường này.');
    expect(body).toMatch(/<option value="" selected/);
  });
});

describe('NoteForm', () => {
  const field = {
    id: 'reject-note',
    name: 'note',
    type: 'textarea',
    rows: 2,
    required: true,
    label: 'console.requests.rejectReason',
  } as const;

  it('shows a refused text again, marked invalid and described by the refusal', () => {
    const { body } = render(NoteForm, {
      props: {
        locale: 'EN',
        action: '?/stage',
        field,
        value: 'Too late',
        problem: 'form.error.INVALID_INPUT',
        problemId: 'reject-problem',
        submitText: 'Reject',
        tone: 'button--danger',
        submitTestid: 'reject',
      },
    });
    expect(body).toMatch(/<form method="POST" action="\?\/stage" class="stack"/);
    expect(body).not.toContain('novalidate');
    expect(body).toMatch(/<p class="alert" role="alert" id="reject-problem">/);
    expect(body).toMatch(
      /<textarea id="reject-note" name="note" rows="2" required[^>]*aria-invalid="true" aria-describedby="reject-problem"/,
    );
    expect(body).toMatch(/>Too late<\/textarea>/);
    expect(body).toMatch(/<button type="submit" class="button button--danger button--auto" data-testid="reject">/);
  });

  it('leaves the text unmarked when told the refusal is not about it, and unmarked before any answer', () => {
    const refused = render(NoteForm, {
      props: {
        locale: 'EN',
        action: '?/stage',
        field,
        problem: 'form.error.INVALID_INPUT',
        problemId: 'reject-problem',
        invalid: false,
        submitText: 'Reject',
      },
    }).body;
    expect(refused).toMatch(/<textarea id="reject-note"[^>]*aria-describedby="reject-problem"/);
    expect(refused).not.toContain('aria-invalid');
    const fresh = render(NoteForm, {
      props: { locale: 'EN', action: '?/comment', field, problemId: 'comment-problem', submitText: 'Post' },
    }).body;
    expect(fresh).not.toContain('role="alert"');
    expect(fresh).not.toContain('aria-');
    expect(fresh).toContain('class="button button--secondary button--auto"');
  });
});
