export * from './org.js';
export * from './members.js';
export * from './committee.js';
export * from './org-life.js';
export * from './work.js';
export * from './recruitment.js';
export * from './unit.js';
export * from './system.js';
