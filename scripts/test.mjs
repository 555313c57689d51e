// Runs every check the project has, in order, and ends with one plain line: "N passed, N failed, N skipped".
// Static checks (typecheck, lint, build) count as one test each; Vitest's counts come from its JSON report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
fs.mkdirSync('test-results', { recursive: true });

function step(name, command, args) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  console.log(`── ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

function check(name, command, args) {
  if (step(name, command, args)) results.passed += 1;
  else {
    results.failed += 1;
    failures.push(name);
  }
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
const built = step('build', 'npm', ['run', '--silent', 'build']);
if (built) results.passed += 1;
else {
  results.failed += 1;
  failures.push('build');
}

const report = 'test-results/vitest.json';
fs.rmSync(report, { force: true });
const projects = built ? [] : ['--project', 'unit']; // without a build the browser tests cannot run
step('tests', 'npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests + (json.numFailedTestSuites ?? 0);
  results.skipped += json.numPendingTests + json.numTodoTests;
  if (json.numFailedTests || json.numFailedTestSuites) failures.push('tests');
  if (json.numTotalTests === 0) {
    results.failed += 1;
    failures.push('no tests ran');
  }
} else {
  results.failed += 1;
  failures.push('tests (no report)');
}

const summary = `${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`;
fs.writeFileSync('test-results/summary.txt', `${summary}\n`);
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${summary}`);
process.exit(results.failed === 0 ? 0 : 1);
