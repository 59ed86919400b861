// `node bench/support/profile-top.js <file.cpuprofile> [N]`: where a V8 CPU profile's time went, as
// self time by function and by package (node_modules package, a lib or app of ours, or node itself).
'use strict';
const { readFileSync } = require('node:fs');

const [file, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const functions = new Map();
const packages = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + us);
  const pkg =
    /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
    /dist\/apps\/\w+\/(libs\/\w+|apps\/\w+)/.exec(url)?.[1] ??
    (url.startsWith('node:') ? 'node' : url === '' ? functionName || '(native)' : url);
  packages.set(pkg, (packages.get(pkg) ?? 0) + us);
}
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
show('by package', packages);
show('by function (self time)', functions);
