#!/usr/bin/env node
// Installs the Debian packages the tests need (a real slapd, its tools, Chromium for e2e) when they are missing.
// Quiet and fast when everything is there; one line per install; idempotent.
import { spawnSync } from 'node:child_process';

const PACKAGES = ['slapd', 'ldap-utils', 'slapd-contrib', 'chromium', 'poppler-utils', 'hashcat', 'pocl-opencl-icd', 'ocl-icd-libopencl1'];

function isInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

function hasDpkg() {
  return spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
}

function aptGet(args) {
  const result = spawnSync('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr ?? '');
    console.error(`ensure-test-deps: apt-get ${args[0]} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

if (!hasDpkg()) {
  console.error(`ensure-test-deps: no dpkg here; install ${PACKAGES.join(' ')} with your system's package manager.`);
  process.exit(1);
}

const missing = PACKAGES.filter((name) => !isInstalled(name));
if (missing.length === 0) process.exit(0);

const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing.join(' ')}`;
if (process.getuid?.() !== 0) {
  console.error(`ensure-test-deps: missing ${missing.join(', ')}; run as root: sudo sh -c '${command}'`);
  process.exit(1);
}

for (const name of missing) console.log(`ensure-test-deps: installing ${name}`);
aptGet(['update']);
aptGet(['install', '-y', '--no-install-recommends', ...missing]);
const stillMissing = missing.filter((name) => !isInstalled(name));
if (stillMissing.length > 0) {
  console.error(`ensure-test-deps: ${stillMissing.join(', ')} still missing after apt-get install.`);
  process.exit(1);
}
