// The npm launcher (packaging/npm/authmigrate/bin/authmigrate.js) against stand-in binaries: small shell
// scripts that record what they were given. It tests the launcher, not authmigrate.
// Run: node --test tests/packaging/launcher.test.mjs   (or plain `node` for a closing "N passed, N failed" line)
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const launcherSource = path.join(repo, 'packaging/npm/authmigrate/bin/authmigrate.js');
const platformKey = `${process.platform}-${process.arch}`;
const onSupportedPlatform = ['linux-x64', 'linux-arm64'].includes(platformKey);
const VERSION = '0.1.0';
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'authmigrate-launcher-test-'));

// Does what the STANDIN_* variables say. With STANDIN_SIGNALS it traps the forwarded signals, writes
// each one's name to that file (its pid to <file>.ready once ready), then exits 130 as authmigrate
// does (STANDIN_ON_SIGNAL=exit130) or dies of that signal (=die).
const STANDIN = `#!/bin/sh
if [ -n "$STANDIN_ARGS" ]; then for a in "$@"; do printf '%s\\0' "$a"; done >"$STANDIN_ARGS"; fi
if [ -n "$STANDIN_ENV" ]; then printf '%s' "\${AUTHMIGRATE_SHARE_DIR-<unset>}" >"$STANDIN_ENV"; fi
echo "stand-in $STANDIN_NAME"
on_signal() {
  echo "$1" >>"$STANDIN_SIGNALS"
  case $STANDIN_ON_SIGNAL in
    exit130) exit 130 ;;
    die) trap - "$1"; kill -s "$1" $$ ;;
  esac
}
if [ -n "$STANDIN_SIGNALS" ]; then
  for s in INT TERM HUP QUIT; do trap "on_signal $s" "$s"; done
  echo $$ >"$STANDIN_SIGNALS.pid" && mv "$STANDIN_SIGNALS.pid" "$STANDIN_SIGNALS.ready"
  while :; do sleep 0.02; done
fi
exit "\${STANDIN_EXIT:-0}"
`;

// A shell runs a trap once for signals that arrived close together; counting deliveries needs a
// process whose handler runs for each one.
const COUNTER = `#!${process.execPath}
const fs = require('fs');
const file = process.env.STANDIN_SIGNALS;
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => fs.appendFileSync(file, s.slice(3) + '\\n'));
fs.writeFileSync(file + '.pid', String(process.pid));
fs.renameSync(file + '.pid', file + '.ready');
setInterval(() => {}, 1000);
`;

let layouts = 0;
// An app's node_modules with the launcher package and (unless withPlatform is false) this machine's
// platform package holding the stand-in binary.
function makeLayout({ withPlatform = true, platformVersion = VERSION, standIn = STANDIN } = {}) {
  const root = path.join(scratch, `app${++layouts}`);
  const main = path.join(root, 'node_modules/authmigrate');
  fs.mkdirSync(path.join(main, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(main, 'share/authmigrate'), { recursive: true });
  fs.copyFileSync(launcherSource, path.join(main, 'bin/authmigrate.js'));
  fs.writeFileSync(path.join(main, 'package.json'), JSON.stringify({ name: 'authmigrate', version: VERSION }));
  fs.writeFileSync(path.join(main, 'share/authmigrate/export-schema.mjs'), '');
  const platform = path.join(root, `node_modules/@authmigrate/${platformKey}`);
  if (withPlatform) {
    writeStandIn(path.join(platform, 'bin/authmigrate'), 0o755, standIn);
    fs.writeFileSync(path.join(platform, 'package.json'),
      JSON.stringify({ name: `@authmigrate/${platformKey}`, version: platformVersion }));
  }
  return { root, launcher: path.join(main, 'bin/authmigrate.js'), share: path.join(main, 'share/authmigrate'),
    binary: path.join(platform, 'bin/authmigrate') };
}

function writeStandIn(file, mode = 0o755, script = STANDIN) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, script, { mode });
  fs.chmodSync(file, mode);
}

// Starts the launcher as npm's bin link would; detached, so it has a process group to signal.
function start(launcher, args = [], env = {}, nodeArgs = []) {
  const base = Object.fromEntries(Object.entries(process.env)
    .filter(([k]) => !k.startsWith('AUTHMIGRATE_') && !k.startsWith('STANDIN_') && k !== 'NODE_PATH'));
  const child = spawn(process.execPath, [...nodeArgs, launcher, ...args],
    { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const done = new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

const run = (...args) => start(...args).done;

async function waitForFile(file, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} did not appear within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const recorded = (file) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);

// The closing line "N passed, N failed, N skipped", last on stdout when run as `node <this file>`
// (under `node --test` the runner's own summary closes the output instead).
const counts = { passed: 0, failed: 0, skipped: 0 };
function check(name, fn, options = {}) {
  if (options.skip) counts.skipped++;
  test(name, options, async () => {
    try {
      await fn();
      counts.passed++;
    } catch (error) {
      counts.failed++;
      throw error;
    }
  });
}
after(() => fs.rmSync(scratch, { recursive: true, force: true }));
process.on('exit', () => console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`));

const linuxOnly = { skip: !onSupportedPlatform && `no platform package for ${platformKey}` };

for (const code of [0, 1, 5]) {
  check(`exit code ${code} passes through`, async () => {
    const { launcher } = makeLayout();
    const result = await run(launcher, ['status'], { STANDIN_EXIT: String(code) });
    assert.equal(result.code, code, result.stderr);
    assert.match(result.stdout, /^stand-in/);
  }, linuxOnly);
}

check('arguments pass through verbatim', async () => {
  const { launcher } = makeLayout();
  const args = ['deploy', 'with space', '"double"', "it's", '', '--url=a b', '$HOME', '*', '--', 'x\ty'];
  const file = path.join(scratch, 'args');
  const result = await run(launcher, args, { STANDIN_ARGS: file });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(fs.readFileSync(file, 'utf8').split('\0').slice(0, -1), args);
}, linuxOnly);

// A signal sent to the launcher reaches the binary; when the binary dies of it the launcher dies of it.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT']) {
  check(`${signal} is forwarded, and the launcher dies of it when the binary does`, async () => {
    const { launcher } = makeLayout();
    const file = path.join(scratch, `signals-die-${signal}`);
    const { child, done } = start(launcher, ['deploy'], { STANDIN_SIGNALS: file, STANDIN_ON_SIGNAL: 'die' });
    await waitForFile(`${file}.ready`);
    child.kill(signal);
    const result = await done;
    assert.deepEqual(recorded(file), [signal.slice(3)]);
    assert.equal(result.signal, signal, `exit code ${result.code}; ${result.stderr}`);
  }, linuxOnly);
}

check('the binary exiting 130 after SIGTERM gives exit code 130', async () => {
  const { launcher } = makeLayout();
  const file = path.join(scratch, 'signals-130');
  const { child, done } = start(launcher, ['deploy'], { STANDIN_SIGNALS: file, STANDIN_ON_SIGNAL: 'exit130' });
  await waitForFile(`${file}.ready`);
  child.kill('SIGTERM');
  const result = await done;
  assert.deepEqual(recorded(file), ['TERM']);
  assert.equal(result.code, 130);
});

// Ctrl-C on a terminal signals the whole foreground process group, and npx forwards it again
// (npm/cli#8164); authmigrate treats a second SIGINT as "exit now", so it must see one.
check('a SIGINT to the process group, or delivered twice at once, reaches the binary once', async () => {
  const { launcher } = makeLayout({ standIn: COUNTER });
  const file = path.join(scratch, 'signals-group');
  const { child, done } = start(launcher, ['deploy'], { STANDIN_SIGNALS: file });
  await waitForFile(`${file}.ready`);
  const standIn = Number(fs.readFileSync(`${file}.ready`, 'utf8'));
  assert.ok(standIn > 1, 'the stand-in wrote its pid'); // kill(0) would hit our own process group
  try {
    process.kill(-child.pid, 'SIGINT');
    await sleep(30); // npx's copy comes a little later, after its event loop ran
    child.kill('SIGINT');
    await sleep(300);
    assert.deepEqual(fs.existsSync(file) && recorded(file), ['INT']);
    await sleep(400); // a Ctrl-C pressed again later is the user insisting: it goes through
    child.kill('SIGINT');
    await sleep(300);
    assert.deepEqual(recorded(file), ['INT', 'INT']);
  } finally {
    process.kill(standIn, 'SIGKILL'); // it survives INT and TERM
  }
  assert.equal((await done).signal, 'SIGKILL');
}, linuxOnly);

check('AUTHMIGRATE_BINARY runs that binary, even without the platform package', async () => {
  const { launcher } = makeLayout({ withPlatform: false });
  const own = path.join(scratch, 'own/authmigrate');
  writeStandIn(own);
  const result = await run(launcher, ['--version'], { AUTHMIGRATE_BINARY: own, STANDIN_NAME: 'own' });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'stand-in own\n');
});

check('AUTHMIGRATE_BINARY that does not exist is a clear error, exit 2', async () => {
  const { launcher } = makeLayout();
  const result = await run(launcher, ['deploy'], { AUTHMIGRATE_BINARY: path.join(scratch, 'nope') });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^authmigrate: error: AUTHMIGRATE_BINARY is \S+nope, which does not exist\nhint: /);
});

check('AUTHMIGRATE_BINARY that is not executable is a clear error, exit 2', async () => {
  const { launcher } = makeLayout();
  const file = path.join(scratch, 'not-executable');
  writeStandIn(file, 0o644);
  const result = await run(launcher, ['deploy'], { AUTHMIGRATE_BINARY: file });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^authmigrate: error: AUTHMIGRATE_BINARY is \S+, which is not an executable file\n/);
});

check('a missing platform package says how to fix it, exit 2', async () => {
  const { launcher } = makeLayout({ withPlatform: false });
  const result = await run(launcher, ['--version']);
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^authmigrate: error: the authmigrate binary for this machine is not installed/);
  for (const needed of [`npm install @authmigrate/${platformKey}@${VERSION}`, '--omit=optional',
    'npm install authmigrate', 'https://github.com/npm/cli/issues/4828', 'rm -rf node_modules package-lock.json',
    'AUTHMIGRATE_BINARY']) {
    assert.ok(result.stderr.includes(needed), `no "${needed}" in:\n${result.stderr}`);
  }
}, linuxOnly);

check('a binary that lost its exec bit is a clear error, exit 2', async () => {
  const { launcher, binary } = makeLayout();
  fs.chmodSync(binary, 0o644);
  const result = await run(launcher, ['--version']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^authmigrate: error: cannot run .*: .*EACCES.*\nhint: the file lost its executable bit/);
}, linuxOnly);

check('another platform is told there is no prebuilt binary, exit 2', async () => {
  const { launcher } = makeLayout();
  const preload = path.join(scratch, 'darwin.cjs');
  fs.writeFileSync(preload, "Object.defineProperty(process, 'platform', { value: 'darwin' });\n");
  const result = await run(launcher, ['--version'], {}, ['--require', preload]);
  assert.equal(result.code, 2);
  assert.match(result.stderr,
    new RegExp(`^authmigrate: error: there is no prebuilt authmigrate binary for darwin-${process.arch} `));
  assert.match(result.stderr, /\nhint: build authmigrate from its source .*AUTHMIGRATE_BINARY/);
});

check("AUTHMIGRATE_SHARE_DIR is set to the package's share/authmigrate", async () => {
  const { launcher, share } = makeLayout();
  const file = path.join(scratch, 'env-default');
  const result = await run(launcher, [], { STANDIN_ENV: file });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), share);
}, linuxOnly);

check('AUTHMIGRATE_SHARE_DIR already set is kept', async () => {
  const { launcher } = makeLayout();
  const file = path.join(scratch, 'env-kept');
  const result = await run(launcher, [], { STANDIN_ENV: file, AUTHMIGRATE_SHARE_DIR: '/opt/mine' });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), '/opt/mine');
}, linuxOnly);

check('a platform package of another version is warned about, naming both', async () => {
  const { launcher } = makeLayout({ platformVersion: '0.0.9' });
  const result = await run(launcher, ['--version']);
  assert.equal(result.code, 0);
  assert.equal(result.stderr, `authmigrate: warning: @authmigrate/${platformKey} is version 0.0.9 but ` +
    `authmigrate is ${VERSION}; reinstall so they match (npm install authmigrate@${VERSION} ` +
    `@authmigrate/${platformKey}@${VERSION})\n`);
}, linuxOnly);

check('the same versions give no warning', async () => {
  const { launcher } = makeLayout();
  const result = await run(launcher, ['--version']);
  assert.equal(result.code, 0);
  assert.equal(result.stderr, '');
}, linuxOnly);
