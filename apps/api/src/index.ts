export { createApi, CSRF_HEADER, type Api, type ApiDependencies } from './yoga.ts';
export { loadConfig, type Config } from './config.ts';
export { hashPassword } from './auth/password.ts';
export { startApiServer } from './server.ts';
