// Helpers of the precedent network spec: the CLI run without blocking, a second database, a proxy that tampers.
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAINS } from './child-app';
import { templateName, withServer } from './databases';

/** The built CLI as a child process, without blocking this process: instance A answers in it. */
export function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAINS.cli, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

export async function createDatabase(name: string): Promise<void> {
  const runId = process.env.TEST_RUN_ID!;
  await withServer(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(runId)}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  });
}

export function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/**
 * Between B and A: passes A's pages on, or (when `tamper` is set) changes the outcome in the body
 * and keeps A's signature, as someone on the way could.
 */
export function tamperingProxy(target: () => number, state: { tamper: boolean }): Server {
  return createServer((req, res) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target(), path: req.url, method: 'GET', headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          if (state.tamper)
            body = Buffer.from(
              body.toString().replaceAll('"final_written_warning"', '"dismissal_without_notice"'),
            );
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          res.writeHead(answer.statusCode ?? 502, headers).end(body);
        });
      },
    );
    upstream.end();
  });
}
