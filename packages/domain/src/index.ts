export * from './enums.js';
export * from './labels.js';
export * from './id-number.js';
export * from './recruitment-rules.js';
