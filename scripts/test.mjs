// Runs every check the project has, in order, and ends with one plain line: "N passed, N failed, N skipped".
// Static checks (typecheck, lint, build) count as one test each; Vitest's counts come from its JSON report.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
fs.mkdirSync('test-results', { recursive: true });

/**
 * The browser tests drive Debian's Chromium. On a fresh machine it may be missing: as root, install it from Debian's
 * packages; otherwise stop at once with the one command to run, before minutes of other checks.
 */
function ensureChromium() {
  const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(browser)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || process.env.CHROMIUM_PATH) {
    console.error(`\nThe browser tests need Chromium at ${browser}, and it is missing. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n`);
    fs.writeFileSync('test-results/summary.txt', '0 passed, 1 failed, 0 skipped\n');
    console.log('\n0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
  console.log('Chromium is missing: installing the Debian package (apt-get install -y chromium)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
  if (install.status !== 0 || !fs.existsSync(browser)) {
    console.error('\nInstalling Chromium failed. Run: apt-get update && apt-get install -y chromium');
    fs.writeFileSync('test-results/summary.txt', '0 passed, 1 failed, 0 skipped\n');
    console.log('\n0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
}

/** The camera test makes its fake-camera clip with Debian's ffmpeg: as root, install it when it is missing. */
function ensureFfmpeg() {
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const installed = isRoot && spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'ffmpeg'], { stdio: 'inherit', env }).status === 0;
  if (installed) return;
  console.error('\nThe camera test needs ffmpeg, and it is missing. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y ffmpeg\n');
  fs.writeFileSync('test-results/summary.txt', '0 passed, 1 failed, 0 skipped\n');
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

function step(name, command, args) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  console.log(`── ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

ensureChromium();
ensureFfmpeg();

/** Runs checks side by side (each waits mostly on one core), printing each one's output once it is done. */
async function checksTogether(list) {
  const runs = list.map(({ name, command, args }) => {
    const started = Date.now();
    return new Promise((resolve) => {
      const child = spawn(command, args, { env: process.env });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (code) => resolve({ name, command, args, ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
      child.on('error', (error) => resolve({ name, command, args, ok: false, output: String(error), seconds: (Date.now() - started) / 1000 }));
    });
  });
  for (const run of await Promise.all(runs)) {
    console.log(`\n── ${run.name}: ${run.command} ${run.args.join(' ')}`);
    if (run.output) process.stdout.write(run.output);
    console.log(`── ${run.name}: ${run.ok ? 'ok' : 'FAILED'} in ${run.seconds.toFixed(1)} s`);
    if (run.ok) results.passed += 1;
    else {
      results.failed += 1;
      failures.push(run.name);
    }
  }
}

await checksTogether([
  { name: 'typecheck', command: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', command: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
]);
const built = step('build', 'npm', ['run', '--silent', 'build']);
if (built) results.passed += 1;
else {
  results.failed += 1;
  failures.push('build');
}

// Vitest's default on this 2-core machine is one worker (CPUs − 1), so every file ran one after another. The unit
// and API tests run two files at a time; the browser tests after them, one file at a time, with the machine to
// themselves (two at a time was no faster here: 700 s against 593 s, Chromium and the server fill both cores).
const suites = [
  { name: 'unit', args: ['--project', 'unit', '--maxWorkers=2'] },
  ...(built ? [{ name: 'e2e', args: ['--project', 'e2e', '--maxWorkers=1'] }] : []), // without a build the browser tests cannot run
];
let ranTests = 0;
for (const suite of suites) {
  const report = `test-results/vitest-${suite.name}.json`;
  fs.rmSync(report, { force: true });
  step(`tests (${suite.name})`, 'npx', ['vitest', 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!fs.existsSync(report)) {
    results.failed += 1;
    failures.push(`${suite.name} tests (no report)`);
    continue;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests;
  // A file that failed only because of its tests is already counted by them; count the files that failed outside
  // any test (an import error, a failing afterAll such as the harness finding a 5xx) once each.
  const brokenFiles = (json.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed')).length;
  results.failed += json.numFailedTests + brokenFiles;
  results.skipped += json.numPendingTests + json.numTodoTests;
  if (json.numFailedTests || brokenFiles || json.numFailedTestSuites) failures.push(`${suite.name} tests`);
  ranTests += json.numTotalTests;
}
if (ranTests === 0) {
  results.failed += 1;
  failures.push('no tests ran');
}

const summary = `${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`;
fs.writeFileSync('test-results/summary.txt', `${summary}\n`);
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${summary}`);
process.exit(results.failed === 0 ? 0 : 1);
