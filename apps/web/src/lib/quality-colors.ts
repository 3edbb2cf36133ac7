import type { Grade } from '@wj/domain/quality';
import { GRADE_COLORS } from '@wj/domain/quality';

/** The dashboard's traffic-light colours (GRADE_COLORS names them; these are antd's red-7, gold-7, green-7). */
export const SIGNAL_HEX = { red: '#cf1322', amber: '#d48806', green: '#389e0d' } as const;
export type Signal = keyof typeof SIGNAL_HEX;

/** antd Tag presets for the same signals. */
export const SIGNAL_TAG = { red: 'error', amber: 'warning', green: 'success' } as const;

export const gradeHex = (grade: Grade): string => SIGNAL_HEX[GRADE_COLORS[grade]];

/** A score's colour against the pass line: red below it, otherwise neutral blue (a dimension has no grade of its own). */
export const scoreHex = (score: number, passLine: number): string => (score < passLine ? SIGNAL_HEX.red : '#1677ff');
