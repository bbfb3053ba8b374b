#!/usr/bin/env node
// The `authmigrate` command of the npm package: finds the native binary that the platform package
// (@authmigrate/<platform>-<arch>, an optional dependency) installed, runs it, and dies the way it died.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const SUPPORTED = ['linux-x64', 'linux-arm64', 'win32-x64'];
const ON_WINDOWS = process.platform === 'win32';
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
// A repeat of a signal within this time is one event reaching us twice, not a second Ctrl-C: the
// terminal and npx (npm/cli#8164) both deliver Ctrl-C, and authmigrate exits at once on a second one.
const SAME_SIGNAL_MS = 500;
const EXIT_USAGE = 2; // authmigrate's exit code for bad usage or configuration

const ownVersion = require('../package.json').version;

class LauncherError extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
  }
}

function fail(error) {
  let text = `authmigrate: error: ${error.message}\n`;
  if (error.hint) text += `hint: ${error.hint}\n`;
  process.stderr.write(text);
  process.exit(EXIT_USAGE);
}

function overrideBinary(file) {
  const resolved = path.resolve(file); // never a PATH lookup
  let stat;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new LauncherError(`AUTHMIGRATE_BINARY is ${file}, which does not exist`,
      'point AUTHMIGRATE_BINARY at an authmigrate executable, or unset it to use the installed one');
  }
  try {
    if (!stat.isFile()) throw new Error('not a file');
    fs.accessSync(resolved, fs.constants.X_OK);
  } catch {
    throw new LauncherError(`AUTHMIGRATE_BINARY is ${file}, which is not an executable file`,
      `chmod +x ${resolved}, or point AUTHMIGRATE_BINARY at an authmigrate executable`);
  }
  return resolved;
}

function missingPackage(pkg) {
  return new LauncherError(
    `the authmigrate binary for this machine is not installed: the optional dependency ${pkg}@${ownVersion} ` +
      'is missing from node_modules',
    'npm leaves it out when it ran with --omit=optional or --no-optional, or when package-lock.json was ' +
      'made on another platform (npm bug https://github.com/npm/cli/issues/4828). Fix it with one of:\n' +
      '  npm install authmigrate                     (again, without --omit=optional)\n' +
      `  npm install ${pkg}@${ownVersion}\n` +
      '  rm -rf node_modules package-lock.json && npm install\n' +
      'or set AUTHMIGRATE_BINARY to an authmigrate binary of your own');
}

function warnOnVersionSkew(pkg) {
  let theirs;
  try {
    theirs = require(`${pkg}/package.json`).version;
  } catch {
    return; // no readable package.json: the binary itself is what matters
  }
  if (theirs !== ownVersion) {
    process.stderr.write(`authmigrate: warning: ${pkg} is version ${theirs} but authmigrate is ${ownVersion}; ` +
      `reinstall so they match (npm install authmigrate@${ownVersion} ${pkg}@${ownVersion})\n`);
  }
}

function installedBinary() {
  const key = `${process.platform}-${process.arch}`;
  if (!SUPPORTED.includes(key)) {
    throw new LauncherError(
      `there is no prebuilt authmigrate binary for ${key} (prebuilt: ${SUPPORTED.join(', ')})`,
      'build authmigrate from its source repository (scripts/setup.sh, then scripts/build.sh build; see its ' +
        'README), then set AUTHMIGRATE_BINARY to the binary it made (build/src/cli/authmigrate)');
  }
  const pkg = `@authmigrate/${key}`;
  let binary;
  try {
    binary = require.resolve(`${pkg}/bin/authmigrate${ON_WINDOWS ? '.exe' : ''}`);
  } catch {
    throw missingPackage(pkg);
  }
  warnOnVersionSkew(pkg);
  return binary;
}

function resolveBinary() {
  const override = process.env.AUTHMIGRATE_BINARY;
  return override ? overrideBinary(override) : installedBinary();
}

function cannotRun(binary, err) {
  fail(new LauncherError(`cannot run ${binary}: ${err.message}`,
    err.code === 'EACCES'
      ? `the file lost its executable bit: chmod +x ${binary}, or reinstall authmigrate`
      : 'reinstall authmigrate, or set AUTHMIGRATE_BINARY to a working authmigrate binary'));
}

function runOnWindows(binary, env) {
  const child = spawn(binary, process.argv.slice(2), { stdio: 'inherit', env, windowsHide: false });
  const ignore = () => {}; // the child got the same Ctrl-C and decides when to exit
  for (const signal of ['SIGINT', 'SIGBREAK']) process.on(signal, ignore);
  child.on('error', (err) => cannotRun(binary, err));
  child.on('exit', (code) => process.exit(code ?? 1));
}

function run(binary) {
  // `authmigrate schema export` finds export-schema.mjs here: it ships in this package, not beside the binary.
  const env = { ...process.env };
  if (!env.AUTHMIGRATE_SHARE_DIR) env.AUTHMIGRATE_SHARE_DIR = path.join(__dirname, '..', 'share', 'authmigrate');

  // On Windows the console sends Ctrl-C and Ctrl-Break to every process attached to it, the child too,
  // whose handler cancels the running statement; child.kill() there would be TerminateProcess, which
  // skips the rollback, and a detached child would get a console of its own. So the child shares our
  // console, and we only stay alive until it exits.
  if (ON_WINDOWS) return runOnWindows(binary, env);
  // detached: the child gets a process group of its own, so a signal sent to our group (Ctrl-C on a
  // terminal, npm forwarding one) reaches it once, through us, instead of once directly and once forwarded.
  const child = spawn(binary, process.argv.slice(2), { stdio: 'inherit', env, detached: true });

  const lastForward = new Map();
  const forward = (signal) => {
    const now = Date.now();
    if (now - (lastForward.get(signal) ?? -Infinity) < SAME_SIGNAL_MS) return;
    lastForward.set(signal, now);
    try {
      child.kill(signal);
    } catch {
      // the child is already gone; its exit event follows
    }
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);

  child.on('error', (err) => cannotRun(binary, err));

  child.on('exit', (code, signal) => {
    if (signal === null) process.exit(code);
    // Die of the same signal, so that our parent (a shell, a platform's release runner) sees what happened.
    for (const s of FORWARDED_SIGNALS) process.removeListener(s, forward);
    process.kill(process.pid, signal);
    // Signals Node ignores (SIGPIPE) do not kill us: exit as a shell reports a signal death.
    setTimeout(() => process.exit(128 + (os.constants.signals[signal] ?? 0)), 1000);
  });
}

try {
  run(resolveBinary());
} catch (error) {
  if (error instanceof LauncherError) fail(error);
  throw error;
}
