/** What the deadline reports through: the process's logger, or stderr before one exists. */
export interface ShutdownLog {
  log(message: string): void;
  warn(message: string): void;
}

/**
 * Stops the process on SIGTERM or SIGINT within `seconds`, whatever its connections are doing.
 * `stop` closes the application (processors first let go of their jobs, then the queues, Redis and
 * PostgreSQL connections close); when it has not finished by the deadline, the process exits anyway:
 * a worker waiting for an unreachable Redis would otherwise wait for ever, and jobs it still held go
 * back to another worker once their short lock expires. A second signal exits at once.
 */
export function stopOnSignals(
  name: string,
  seconds: number,
  stop: () => Promise<void>,
  log: ShutdownLog,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.warn(`${name}: ${signal} again while stopping; exiting now.`);
      process.exit(1);
    }
    stopping = true;
    log.log(`${name}: ${signal} received; stopping within ${seconds} s.`);
    const deadline = setTimeout(() => {
      log.warn(
        `${name} did not stop within ${seconds} s (SHUTDOWN_TIMEOUT_SECONDS) of ${signal}; exiting now. ` +
          'Jobs it held are retried by another worker once their lock expires.',
      );
      process.exit(1);
    }, seconds * 1000);
    stop().then(
      () => {
        clearTimeout(deadline);
        process.exit(0);
      },
      (error: unknown) => {
        log.warn(`${name} stopped with an error: ${error instanceof Error ? error.message : String(error)}`);
        clearTimeout(deadline);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
