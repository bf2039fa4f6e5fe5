import { describe, expect, it } from 'vitest';
import { connection, CUSTOMER_ADMIN, CUSTOMER_USER, fakeEvent } from '../../../../tests/fake-event';
import { _validateRequestForm, actions, load } from './+page.server';
import type { PageServerData } from './$types';

const moduleNode = {
  __typename: 'Module',
  id: 'TW9kdWxlOjE=',
  key: 'purchasing',
  name: 'Mua hàng',
  description: 'Đề nghị mua hàng…',
  latestVersion: '5.2.4',
  requires: [
    { id: 'acc', key: 'accounting', name: 'Kế toán tổng hợp' },
    { id: 'inv', key: 'inventory', name: 'Quản lý kho' },
  ],
};

describe('module request form', () => {
  it('is for customer admins only', async () => {
    const { event, calls } = fakeEvent({
      url: '/requests/new?module=TW9kdWxlOjE=',
      viewer: CUSTOMER_USER,
      answers: {},
    });
    await expect(load(event)).rejects.toMatchObject({ status: 403 });
    expect(calls).toHaveLength(0);
  });

  it('shows which prerequisites the customer has', async () => {
    const { event } = fakeEvent({
      url: '/requests/new?module=TW9kdWxlOjE=',
      viewer: CUSTOMER_ADMIN,
      answers: {
        ModuleRequestForm: {
          data: {
            node: moduleNode,
            viewer: { customer: { installedModules: connection([{ module: { id: 'acc' } }]) } },
          },
        },
      },
    });
    const data = (await load(event)) as PageServerData;
    expect(data.kind).toBe('NEW_MODULE');
    expect(data.prerequisites.map((p) => [p.key, p.installed])).toEqual([
      ['accounting', true],
      ['inventory', false],
    ]);
  });

  it('answers 404 for an ID that is not a module', async () => {
    const { event } = fakeEvent({
      url: '/requests/new?module=Tm90aWNlOjE=',
      viewer: CUSTOMER_ADMIN,
      answers: { ModuleRequestForm: { data: { node: { __typename: 'Notice' }, viewer: null } } },
    });
    await expect(load(event)).rejects.toMatchObject({ status: 404 });
  });

  it('checks title and description before asking the API', async () => {
    expect(_validateRequestForm('', 'x')).toEqual({ title: 'requestForm.error.title' });
    expect(_validateRequestForm('a'.repeat(201), '')).toEqual({
      title: 'requestForm.error.title',
      description: 'requestForm.error.description',
    });
    const { event, calls } = fakeEvent({
      url: '/requests/new',
      viewer: CUSTOMER_ADMIN,
      form: { kind: 'NEW_MODULE', moduleId: 'TW9kdWxlOjE=', title: '  ', description: 'Cần theo dõi mua hàng.' },
      answers: {},
    });
    expect(await actions.default!(event)).toMatchObject({
      status: 400,
      data: { errors: { title: 'requestForm.error.title' } },
    });
    expect(calls).toHaveLength(0);
  });

  it('creates the request and goes to its page', async () => {
    const { event, calls } = fakeEvent({
      url: '/requests/new',
      viewer: CUSTOMER_ADMIN,
      form: {
        kind: 'NEW_MODULE',
        moduleId: 'TW9kdWxlOjE=',
        title: 'Mua vật tư',
        description: 'Cần theo dõi mua hàng.',
      },
      answers: {
        ModuleRequestCreate: {
          data: { moduleRequestCreate: { moduleRequest: { id: 'TW9kdWxlUmVxdWVzdDox' }, userErrors: [] } },
        },
      },
    });
    await expect(actions.default!(event)).rejects.toMatchObject({
      status: 303,
      location: '/requests/TW9kdWxlUmVxdWVzdDox?created=1',
    });
    expect(calls[0]?.variables).toEqual({
      input: {
        kind: 'NEW_MODULE',
        moduleId: 'TW9kdWxlOjE=',
        title: 'Mua vật tư',
        description: 'Cần theo dõi mua hàng.',
      },
    });
  });
});
