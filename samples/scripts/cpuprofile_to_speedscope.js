#!/usr/bin/env node
// Writes speedscope JSON files (https://www.speedscope.app/file-format-schema.json) from a real
// V8 .cpuprofile: one "sampled" file (a stack of frame indexes and the time until the next
// sample, per sample) and one "evented" file (open/close events along the same timeline).
// No speedscope producer runs on this machine (py-spy and rbspy are not installable, speedscope's
// exporter is part of its web page), so these are hand-made; samples/README.md says so.
// usage: cpuprofile_to_speedscope.js IN.cpuprofile OUT-sampled.speedscope.json OUT-evented.speedscope.json
'use strict';
const fs = require('fs');
const [input, sampledOut, eventedOut] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(input, 'utf8'));
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);

const frames = [];
const frameIndex = new Map();
function frameOf(node) {
  const cf = node.callFrame;
  const key = `${cf.functionName}\u0000${cf.url}\u0000${cf.lineNumber}`;
  if (!frameIndex.has(key)) {
    frameIndex.set(key, frames.length);
    const f = { name: cf.functionName || '(anonymous)' };
    if (cf.url) { f.file = cf.url.replace(/^file:\/\//, ''); f.line = cf.lineNumber + 1; }
    frames.push(f);
  }
  return frameIndex.get(key);
}
function stackOf(id) {
  const out = [];
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const node = byId.get(n);
    if (node.callFrame.functionName !== '(root)') out.push(frameOf(node));
  }
  return out.reverse();
}

const samples = [];
const weights = [];
let t = profile.startTime;
const times = profile.timeDeltas.map(d => (t += d));
for (let i = 0; i < profile.samples.length; i++) {
  const next = i + 1 < times.length ? times[i + 1] : profile.endTime;
  samples.push(stackOf(profile.samples[i]));
  weights.push(Math.max(0, next - times[i]));
}
const base = { $schema: 'https://www.speedscope.app/file-format-schema.json', shared: { frames },
  exporter: 'samples/scripts/cpuprofile_to_speedscope.js', name: input };
const end = weights.reduce((a, b) => a + b, 0);
fs.writeFileSync(sampledOut, JSON.stringify({ ...base, profiles: [{ type: 'sampled', name: 'main thread',
  unit: 'microseconds', startValue: 0, endValue: end, samples, weights }] }));

const events = [];
let open = [];
let at = 0;
for (let i = 0; i < samples.length; i++) {
  const stack = samples[i];
  let common = 0;
  while (common < open.length && common < stack.length && open[common] === stack[common]) common++;
  for (let k = open.length - 1; k >= common; k--) events.push({ type: 'C', at, frame: open[k] });
  for (let k = common; k < stack.length; k++) events.push({ type: 'O', at, frame: stack[k] });
  open = stack;
  at += weights[i];
}
for (let k = open.length - 1; k >= 0; k--) events.push({ type: 'C', at, frame: open[k] });
fs.writeFileSync(eventedOut, JSON.stringify({ ...base, profiles: [{ type: 'evented', name: 'main thread',
  unit: 'microseconds', startValue: 0, endValue: at, events }] }));
