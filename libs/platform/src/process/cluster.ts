import cluster from 'node:cluster';
import type { ShutdownLog } from './shutdown';

/**
 * Runs `processes` copies of an HTTP app sharing its port (Node's cluster module): the primary only
 * forks, restarts a copy that dies, and on SIGTERM/SIGINT passes the signal on and exits once every
 * copy has, or at the deadline. Returns true in the primary (which must not start the app itself).
 */
export function runAsCluster(name: string, processes: number, seconds: number, log: ShutdownLog): boolean {
  if (processes <= 1 || !cluster.isPrimary) return false;
  let stopping = false;
  for (let i = 0; i < processes; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.warn(`${name}: process ${worker.process.pid} ended (${signal ?? `code ${code}`}); starting another.`);
    // a copy that cannot start at all (bad configuration) ends the whole app instead of looping
    if (code === 1) {
      log.warn(`${name}: a process could not start; stopping.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    cluster.fork();
  });
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    log.log(`${name}: ${signal} received; stopping ${processes} processes within ${seconds} s.`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, seconds * 1000).unref();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  log.log(`${name}: ${processes} processes share the port.`);
  return true;
}
