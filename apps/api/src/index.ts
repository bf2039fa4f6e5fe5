export { createApi, CSRF_HEADER, type Api, type ApiDependencies } from './yoga.ts';
export { loadConfig, type Config } from './config.ts';
export { hashPassword } from '@upgrade-desk/accounts';
export { startApiServer } from './server.ts';
