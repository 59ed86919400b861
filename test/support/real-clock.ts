/**
 * This process's environment without libfaketime's variables, for processes that keep the real
 * clock when a test run moves its own (docs/testing.md, "Proof that no test reads the real date"):
 * the shared Redis and PostgreSQL keep it anyway, a private redis-server does not start under
 * libfaketime, and the browser stands for a user's machine, whose clock is not the server's.
 */
export function realClockEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC', 'FAKETIME_NO_CACHE']) {
    delete env[name];
  }
  return env;
}
