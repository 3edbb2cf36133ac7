export * from './enums.js';
export * from './labels.js';
export * from './id-number.js';
