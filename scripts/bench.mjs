// npm run bench [name]: runs bench/<name>.ts (or every benchmark); each prints JSON lines.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const wanted = process.argv[2];
const all = fs.readdirSync('bench').filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
const names = wanted ? [wanted] : all;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`No benchmark called "${name}". There are: ${all.join(', ')}`);
    process.exit(2);
  }
  const run = spawnSync('npx', ['tsx', `bench/${name}.ts`], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
