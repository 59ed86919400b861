// Every test process: UTC, quiet logs, a fixed secret (so nothing is written to var/ by the suite).
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.SESSION_SECRET ??= 'test-session-secret-that-is-long-enough-0123456789';
process.env.REPORTING_ENCRYPTION_KEY ??= 'test-reporting-encryption-key-long-enough-0123456789';
process.env.REPORTING_LOOKUP_KEY ??= 'test-reporting-lookup-key-that-is-long-enough-012345';
