export * from './enums.js';
export * from './labels.js';
export * from './id-number.js';
export * from './recruitment-rules.js';
export * from './member-rules.js';
export * from './national-roster.js';
