// The committed JSON Schema of each webhook event against what the sender really sends.
import { Ajv } from 'ajv';
import { Locale, NoticeStage } from '@upgrade-desk/db';
import { describe, expect, it } from 'vitest';
import schema from './webhook-events/notice.published.schema.json' with { type: 'json' };
import { newWebhookSecret, NOTICE_PUBLISHED_EVENT, signedWebhookRequest } from './webhook.ts';
import { sampleNoticePayload } from './webhook-testing.ts';

const NOW = new Date('2026-12-01T03:00:00Z');
const ajv = new Ajv({ allErrors: true });
const validateEvent = ajv.compile(schema);
const validateNotice = ajv.getSchema(`${schema.$id}#/definitions/notice`)!;

const notice = (overrides: Parameters<typeof sampleNoticePayload>[0] = {}) =>
  sampleNoticePayload({
    stage: 'FINAL_REMINDER',
    requiresAcknowledgement: true,
    acknowledgeBy: new Date(NOW.getTime() + 86_400_000),
    ...overrides,
  });

const sent = (secret: string, payload = notice()) =>
  JSON.parse(signedWebhookRequest({ deliveryId: 'd-1', url: 'https://x.example/', secret, payload }, NOW).body);

describe('notice.published', () => {
  it('names the event it describes, with every stage and locale the database has', () => {
    expect(schema.title).toBe(NOTICE_PUBLISHED_EVENT);
    expect(schema.properties.type.const).toBe(NOTICE_PUBLISHED_EVENT);
    expect(schema.definitions.notice.properties.stage.enum).toEqual(Object.values(NoticeStage));
    expect(schema.definitions.notice.properties.locale.enum).toEqual(Object.values(Locale));
  });

  it.each(Object.values(NoticeStage))('describes the body a new endpoint receives for a %s notice', (stage) => {
    const body = sent(newWebhookSecret(), notice({ stage, acknowledgeBy: null, requiresAcknowledgement: false }));
    expect(validateEvent(body), JSON.stringify(validateEvent.errors)).toBe(true);
    expect(body.type).toBe('notice.published');
  });

  it('describes, as its data, the body a legacy endpoint receives', () => {
    const body = sent('a3f1c9'.repeat(10));
    expect(validateNotice(body), JSON.stringify(validateNotice.errors)).toBe(true);
    expect(validateEvent(body)).toBe(false);
  });

  it('refuses a body that is not the event (the schema can fail)', () => {
    const body = sent(newWebhookSecret());
    expect(validateEvent({ ...body, data: { ...body.data, stage: 'LATER' } })).toBe(false);
    expect(validateEvent({ ...body, data: { ...body.data, extra: 1 } })).toBe(false);
    expect(validateEvent({ ...body, timestamp: 'yesterday' })).toBe(false);
  });
});
