export { seedDemo, summarize, type SeedDemoOptions, type SeedSummary } from './seed-demo.ts';
export { isDatabaseEmpty, resetDatabase } from './reset-database.ts';
export { buildDemoData, type DemoData } from './build-demo-data.ts';
