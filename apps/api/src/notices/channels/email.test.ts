import { describe, expect, it } from 'vitest';
import { escapeHtml, noticeEmail, senderDomain, senderMailbox } from './email.ts';
import { EMAIL_TEXTS } from './email-texts.ts';

const NOTICE = {
  deliveryId: '0190a1b2-0000-7000-8000-0000000000aa',
  noticeId: '0190a1b2-0000-7000-8000-000000000001',
  recipient: 'ke.toan@hanoi-water.example',
  title: 'Nâng cấp <Kế toán> & "Kho"',
  body: 'Kính gửi Quý khách,\n\nDòng 1\nDòng 2 <script>alert(1)</script>',
};

describe('noticeEmail', () => {
  it("uses the notice's title and body, with the footer of the notice's locale", () => {
    const vi = noticeEmail({ ...NOTICE, locale: 'VI' });
    expect(vi.to).toBe(NOTICE.recipient);
    expect(vi.subject).toBe(NOTICE.title);
    expect(vi.text.startsWith(`${NOTICE.body}\n\n-- \n`)).toBe(true);
    expect(vi.text).toContain(EMAIL_TEXTS.VI.footer[0]);
    expect(vi.text).not.toContain(EMAIL_TEXTS.EN.footer[0]);
    const en = noticeEmail({ ...NOTICE, locale: 'EN' });
    expect(en.text).toContain(EMAIL_TEXTS.EN.footer[0]);
    expect(en.html).toContain('<html lang="en">');
  });

  it('escapes everything in the HTML version', () => {
    const html = noticeEmail({ ...NOTICE, locale: 'VI' }).html!;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Nâng cấp &lt;Kế toán&gt; &amp; &quot;Kho&quot;</title>');
    expect(html).toContain('<p>Kính gửi Quý khách,</p>');
    expect(html).toContain('<p>Dòng 1<br>\nDòng 2');
  });

  it('carries the delivery id as its idempotency key and in a header', () => {
    const message = noticeEmail({ ...NOTICE, locale: 'VI' });
    expect(message.idempotencyKey).toBe(NOTICE.deliveryId);
    expect(message.headers).toMatchObject({
      'X-Upgrade-Desk-Delivery': NOTICE.deliveryId,
      'X-Upgrade-Desk-Notice': NOTICE.noticeId,
      'Auto-Submitted': 'auto-generated',
    });
  });

  it('has a footer in every locale', () => {
    for (const texts of Object.values(EMAIL_TEXTS)) expect(texts.footer.length).toBeGreaterThan(0);
  });
});

describe('noticeEmail: unsubscribe links and the calendar part', () => {
  const unsubscribe = {
    url: 'https://api.example/unsubscribe/0190a1b2-0000-7000-8000-000000000009.sig',
    mailto: 'mailto:unsubscribe@upgrade-desk.example?subject=unsubscribe',
  };

  it('carries List-Unsubscribe and List-Unsubscribe-Post, and the link in the footer, only with links', () => {
    const withLinks = noticeEmail({ ...NOTICE, locale: 'EN', unsubscribe });
    expect(withLinks.headers).toMatchObject({
      'List-Unsubscribe': `<${unsubscribe.url}>, <${unsubscribe.mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(withLinks.text).toContain(`${EMAIL_TEXTS.EN.unsubscribe} ${unsubscribe.url}`);
    expect(withLinks.html).toContain(`<a href="${unsubscribe.url}"`);

    const without = noticeEmail({ ...NOTICE, locale: 'EN' });
    expect(without.headers).not.toHaveProperty('List-Unsubscribe');
    expect(without.text).not.toContain(EMAIL_TEXTS.EN.unsubscribe);
  });

  it('attaches the invitation it is given, and none otherwise', () => {
    const invitation = { method: 'CANCEL' as const, content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' };
    expect(noticeEmail({ ...NOTICE, locale: 'VI', invitation }).calendar).toEqual(invitation);
    expect(noticeEmail({ ...NOTICE, locale: 'VI' }).calendar).toBeUndefined();
  });
});

describe('helpers', () => {
  it('escapeHtml', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('senderDomain', () => {
    expect(senderDomain('Upgrade Desk <no-reply@upgrade-desk.example>')).toBe('upgrade-desk.example');
    expect(senderDomain('ops@vendor.example')).toBe('vendor.example');
    expect(senderDomain('nobody')).toBe('upgrade-desk.invalid');
  });

  it('senderMailbox', () => {
    expect(senderMailbox('Upgrade Desk <no-reply@upgrade-desk.example>')).toEqual({
      name: 'Upgrade Desk',
      email: 'no-reply@upgrade-desk.example',
    });
    expect(senderMailbox('"Phòng CSKH" <cskh@vendor.example>')).toEqual({
      name: 'Phòng CSKH',
      email: 'cskh@vendor.example',
    });
    expect(senderMailbox('ops@vendor.example')).toEqual({ email: 'ops@vendor.example' });
  });
});
