import { test } from '@playwright/test';

/**
 * What a test creates, told apart per attempt: a retried test (Playwright's `retries`) runs against the same
 * database and finds the first attempt's records still there, so it creates another person or branch instead.
 */
export const perAttempt = <T>(first: T, retry: T): T => (test.info().retry === 0 ? first : retry);
