export * from './common.js';
export * from './org.js';
export * from './member.js';
export * from './auth.js';
export * from './fields.js';
export * from './meeting.js';
export * from './admin.js';
