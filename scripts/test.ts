// `npm test`: the unit and integration tests (vitest), then hostile input against a production
// build (`npm run test:hostile`, scripts/test-hostile.ts), then the people (Playwright), and one
// closing line with the totals of all three.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const resultsDir = path.join(process.cwd(), "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
// "unit", "hostile" or "e2e" runs one tier, "unit,hostile" two; nothing runs all three.
const only = process.argv[2]?.split(",");
const runs = (tier: string) => !only || only.includes(tier);

function run(args: string[]): number {
  const result = spawnSync("npx", args, { stdio: "inherit", env: process.env });
  return result.status ?? 1;
}

let passed = 0;
let failed = 0;
let status = 0;

if (runs("unit")) {
  const file = path.join(resultsDir, "vitest.json");
  status ||= run(["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    console.log(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  } else {
    failed += 1;
  }
}

if (runs("hostile")) {
  // Builds the production server if stale; Playwright's server then reuses that build.
  const file = path.join(resultsDir, "hostile.json");
  // Run whatever the tiers before it gave: `status ||= run(…)` would skip it after a failure.
  const hostileStatus = run(["tsx", "scripts/test-hostile.ts"]);
  status ||= hostileStatus;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, "utf8")) as { passed: number; failed: number };
    passed += report.passed;
    failed += report.failed;
    console.log(`hostile: ${report.passed} passed, ${report.failed} failed`);
  } else {
    failed += 1;
  }
}

if (runs("e2e")) {
  const file = path.join(resultsDir, "playwright.json");
  const result = spawnSync("npx", ["playwright", "test"], {
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
  });
  status ||= result.status ?? 1;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
    const ok = report.stats.expected + report.stats.flaky;
    passed += ok;
    failed += report.stats.unexpected;
    console.log(`playwright: ${ok} passed, ${report.stats.unexpected} failed`);
  } else {
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(status || (failed > 0 ? 1 : 0));
