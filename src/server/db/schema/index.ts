export * from './org';
export * from './auth';
export * from './audit';
export * from './customers';
export * from './sales';
export * from './salon';
export * from './after-sales';
export * from './imports';
