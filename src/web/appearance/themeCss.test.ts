// This test runs in Node and reads the stylesheets as text (Vitest does not load CSS); nothing here reaches the browser.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Dark is written twice in each stylesheet, as CSS needs: once for the dark theme chosen in Settings
 * (`:root[data-theme='dark'] …`) and once for the system's dark when the person left it to the system
 * (`@media (prefers-color-scheme: dark) { :root:not([data-theme='light']) … }`). This keeps the two the same.
 */

const SHEETS = ['styles.css', 'progress/progress.css', 'bodymap/bodymap.css'];

/** Declarations of every rule whose selectors all start with `prefix`, keyed by the rest of the selector. */
function rules(css: string, prefix: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const rule = /([^{}]+)\{([^{}]*)\}/g;
  for (const [, selectorText = '', body = ''] of css.matchAll(rule)) {
    const selectors = selectorText.split(',').map((s) => s.trim());
    if (!selectors.every((s) => s.startsWith(prefix))) continue;
    const key = selectors.map((s) => s.slice(prefix.length).trim()).join(', ');
    const declarations = body
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean);
    found.set(key, declarations);
  }
  return found;
}

/** The part of a sheet inside its `@media (prefers-color-scheme: dark)` blocks. */
function systemDark(css: string): string {
  const parts: string[] = [];
  const start = /@media \(prefers-color-scheme: dark\) \{/g;
  for (const m of css.matchAll(start)) {
    let depth = 1;
    let i = (m.index ?? 0) + m[0].length;
    const from = i;
    while (depth > 0 && i < css.length) {
      if (css[i] === '{') depth += 1;
      if (css[i] === '}') depth -= 1;
      i += 1;
    }
    parts.push(css.slice(from, i - 1));
  }
  return parts.join('\n');
}

describe('dark theme CSS: chosen in Settings and the system’s are the same', () => {
  for (const sheet of SHEETS) {
    it(sheet, () => {
      const css = readFileSync(new URL(`../${sheet}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      const chosen = rules(css, ":root[data-theme='dark']");
      const system = rules(systemDark(css), ":root:not([data-theme='light'])");
      expect(chosen.size).toBeGreaterThan(0);
      expect(system).toEqual(chosen);
      // Nothing in the system's dark escapes the switch (a bare selector would ignore a light theme chosen in Settings).
      expect(rules(systemDark(css), '').size).toBe(system.size);
    });
  }
});
