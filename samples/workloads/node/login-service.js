'use strict';
// A login endpoint simulated in a loop. Known bottleneck: verifyPassword derives the key with
// crypto.pbkdf2Sync, which runs on the event loop thread, so every login blocks all other work.
// Smaller costs beside it: parsing the request body with JSON.parse, and an e-mail check with a
// regular expression that backtracks on near-misses.
const crypto = require('crypto');

const users = new Map();
for (let i = 0; i < 200; i++) {
  const salt = crypto.randomBytes(16);
  users.set(`user${i}@example.com`, { salt, hash: null });
}

function deriveKey(password, salt) {
  return crypto.pbkdf2Sync(password, salt, 10000, 32, 'sha256');
}

function verifyPassword(user, password) {
  const key = deriveKey(password, user.salt);
  if (user.hash === null) {
    user.hash = key;
  }
  return crypto.timingSafeEqual(key, user.hash);
}

function isPlausibleEmail(email) {
  return /^([a-z0-9]+[._-]?)*[a-z0-9]+@example\.com$/.test(email);
}

function handleLogin(body) {
  const request = JSON.parse(body);
  if (!isPlausibleEmail(request.email)) {
    return 400;
  }
  const user = users.get(request.email);
  return user && verifyPassword(user, request.password) ? 200 : 401;
}

const seconds = Number(process.argv[2] || 6);
const end = Date.now() + seconds * 1000;
const statuses = {};
for (let i = 0; Date.now() < end; i++) {
  const email = i % 10 === 0 ? 'aaaaaaaaaaaaaaaaaaa.example.com' : `user${i % 200}@example.com`;
  const body = JSON.stringify({ email, password: `secret-${i % 200}`, device: { os: 'linux', trusted: i % 3 === 0 } });
  const status = handleLogin(body);
  statuses[status] = (statuses[status] || 0) + 1;
}
console.log(statuses);
