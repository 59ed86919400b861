#!/usr/bin/env node
// `npm run demo`: services checked or started, migrations, demo users (passwords printed), demo
// data (cases and a synthetic national precedent set), then api, reporter, publication and worker started together. Ctrl-C stops them all.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'dist/apps/cli/apps/cli/src/main.js');

function step(title, command, args, options = {}) {
  process.stdout.write(`\n== ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    process.stderr.write(
      `\n"${title}" failed (exit ${result.status}). Fix the problem above and run npm run demo again.\n`,
    );
    process.exit(result.status ?? 1);
  }
}

// The demo is one force's department (Kent, a fictional copy): reports set it against the rest.
process.env.FORCE_CODE = process.env.FORCE_CODE || 'kent';

step('Checking PostgreSQL and Redis', 'bash', [join(root, 'scripts/ensure-services.sh')]);
step('Migrating the database', process.execPath, [cli, 'migrate']);
step('Creating demo users and data', process.execPath, [cli, 'demo']);
// A fictional national picture: 20,000 precedents with three forces biased, then the disparity table.
const national = join(root, 'var', 'demo-national.jsonl');
step('Writing synthetic national precedents', process.execPath, [
  cli,
  'synth',
  '--out',
  national,
  '--cases',
  '20000',
  '--seed',
  'demo',
  '--bias',
  'kent=0.9',
  '--bias',
  'essex=-0.8',
  '--bias',
  'cumbria=1.1',
]);
step('Importing them', process.execPath, ['--max-semi-space-size=64', cli, 'precedents', 'import', national]);
step('Computing consistency and force disparity', process.execPath, [cli, 'analytics', 'disparity']);

const env = { ...process.env };
const apps = [
  ['api', 'dist/apps/api/apps/api/src/main.js'],
  ['reporter', 'dist/apps/reporter/apps/reporter/src/main.js'],
  ['publication', 'dist/apps/publication/apps/publication/src/main.js'],
  ['worker', 'dist/apps/worker/apps/worker/src/main.js'],
];
const children = apps.map(([name, path]) => {
  const child = spawn(process.execPath, ['--max-semi-space-size=64', join(root, path)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (line) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines)
        if (/"level":(4|5|6)0|listening|Error|Warning/.test(line)) process.stdout.write(prefix(line) + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`[${name}] stopped (${signal ?? code}); stopping the others.\n`);
      stop(1);
    }
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const api = process.env.API_PORT ?? 3000;
const reporter = process.env.REPORTER_PORT ?? 3001;
const worker = process.env.WORKER_PORT ?? 3002;
const publication = process.env.PUBLICATION_PORT ?? 3003;
setTimeout(() => {
  process.stdout.write(
    `\nPrecedent is running (Ctrl-C stops them all):\n` +
      `  staff web UI and API  http://localhost:${api}/        (OpenAPI: http://localhost:${api}/api/docs)\n` +
      `  reporter portal       http://localhost:${reporter}/\n` +
      `  publication site      http://localhost:${publication}/  (hearing notices, outcome reports, /feed.atom)\n` +
      `  worker health         http://localhost:${worker}/health\n`,
  );
}, 4000);
