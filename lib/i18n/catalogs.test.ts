import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { LOCALES, type Locale } from "./locales";

/**
 * Keeps the message catalogs in messages/<locale>/*.json in step: same files, same keys,
 * same ICU arguments in every language, nothing empty, and every message valid ICU.
 * English is the source language, so differences are reported against it.
 */

const SOURCE: Locale = "en";
const MESSAGES_DIR = path.join(process.cwd(), "messages");

type Catalog = { [key: string]: unknown };

function catalogFiles(locale: Locale): string[] {
  return readdirSync(path.join(MESSAGES_DIR, locale))
    .filter((file) => file.endsWith(".json"))
    .sort();
}

function loadCatalog(locale: Locale, file: string): Catalog {
  return JSON.parse(readFileSync(path.join(MESSAGES_DIR, locale, file), "utf8")) as Catalog;
}

/** Every leaf of a catalog as [dotted key path, value]. */
function leaves(node: unknown, prefix = ""): Array<[string, unknown]> {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    const entries = Object.entries(node as Catalog);
    // An empty namespace is reported as a leaf with no usable value.
    if (entries.length === 0) return [[prefix, node]];
    return entries.flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, node]];
}

type IcuSummary = {
  /** Argument names, including those nested inside plural/select branches; rich-text tags as "<tag>". */
  names: Set<string>;
  /** Every plural/selectordinal argument with the selectors its branches use. */
  plurals: Array<{ name: string; ordinal: boolean; selectors: string[] }>;
};

const PLURAL_TYPES = new Set(["plural", "selectordinal"]);
const BRANCHING_TYPES = new Set(["plural", "selectordinal", "select"]);

/**
 * A small ICU MessageFormat scanner, independent of intl-messageformat so the argument check runs
 * even without it. Honours apostrophe quoting ('{' is a literal brace, '' a literal apostrophe).
 * For {name, plural|select|selectordinal, ...} the name is the text before the first comma, and the
 * branch bodies are scanned for nested arguments; `#` is not an argument.
 */
function summarizeIcu(message: string): IcuSummary {
  const names = new Set<string>();
  const plurals: IcuSummary["plurals"] = [];
  let i = 0;

  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i} in ${JSON.stringify(message)}`);
  };

  // Scans literal text and arguments until an unmatched "}" (consumed when nested) or the end.
  function scanText(nested: boolean): void {
    while (i < message.length) {
      const ch = message[i];
      if (ch === "'") {
        const next = message[i + 1];
        if (next === "'") {
          i += 2;
        } else if (next !== undefined && "{}#|<>".includes(next)) {
          const close = message.indexOf("'", i + 1);
          i = close === -1 ? message.length : close + 1;
        } else {
          i += 1;
        }
      } else if (ch === "{") {
        i += 1;
        scanArgument();
      } else if (ch === "}") {
        if (!nested) fail("Unmatched }");
        i += 1;
        return;
      } else if (ch === "<" && /[A-Za-z]/.test(message[i + 1] ?? "")) {
        const match = /^<([A-Za-z][\w-]*)/.exec(message.slice(i));
        if (match) names.add(`<${match[1]}>`);
        i += 1;
      } else {
        i += 1;
      }
    }
    if (nested) fail("Unclosed {");
  }

  function readUntil(stops: string): string {
    const start = i;
    while (i < message.length && !stops.includes(message[i])) i += 1;
    if (i >= message.length) fail("Unclosed argument");
    return message.slice(start, i).trim();
  }

  // Called just after "{"; consumes through the matching "}".
  function scanArgument(): void {
    const name = readUntil(",}");
    if (!name) fail("Empty argument name");
    names.add(name);
    if (message[i] === "}") {
      i += 1;
      return;
    }
    i += 1; // ","
    const type = readUntil(",}");
    if (message[i] === "}") {
      i += 1;
      return;
    }
    i += 1; // ","
    if (!BRANCHING_TYPES.has(type)) {
      // number/date/time style, possibly a skeleton: skip to the matching brace.
      let depth = 1;
      while (i < message.length && depth > 0) {
        if (message[i] === "{") depth += 1;
        else if (message[i] === "}") depth -= 1;
        i += 1;
      }
      if (depth > 0) fail("Unclosed argument style");
      return;
    }
    const selectors: string[] = [];
    for (;;) {
      while (/\s/.test(message[i] ?? "")) i += 1;
      if (i >= message.length) fail(`Unclosed ${type}`);
      if (message[i] === "}") {
        i += 1;
        break;
      }
      const selector = readUntil("{}").replace(/^offset:\s*\d+\s*/, "");
      if (message[i] !== "{" || !selector) fail(`Malformed ${type} branch`);
      selectors.push(selector);
      i += 1; // "{"
      scanText(true);
    }
    if (PLURAL_TYPES.has(type)) plurals.push({ name, ordinal: type === "selectordinal", selectors });
  }

  scanText(false);
  return { names, plurals };
}

const sorted = (values: Iterable<string>) => [...values].sort();

type IntlMessageFormatCtor = new (message: string, locales?: string | string[]) => unknown;
// intl-messageformat comes with next-intl; without it only the compile check is skipped.
const IntlMessageFormat: IntlMessageFormatCtor | null = await import("intl-messageformat")
  .then((mod) => (mod.IntlMessageFormat ?? mod.default) as unknown as IntlMessageFormatCtor)
  .catch(() => null);

const files = catalogFiles(SOURCE);
const catalogs = new Map<Locale, Map<string, Catalog>>(
  LOCALES.map((locale) => [
    locale,
    new Map(catalogFiles(locale).map((file) => [file, loadCatalog(locale, file)] as const)),
  ]),
);

describe("message catalogs", () => {
  it("has at least one catalog file", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(LOCALES.filter((locale) => locale !== SOURCE))("has the same files in %s as in en", (locale) => {
    expect(catalogFiles(locale)).toEqual(files);
  });

  describe.each(files)("%s", (file) => {
    const catalogFor = (locale: Locale): Catalog => {
      const catalog = catalogs.get(locale)?.get(file);
      if (!catalog) throw new Error(`messages/${locale}/${file} is missing`);
      return catalog;
    };
    const leavesFor = (locale: Locale) => new Map(leaves(catalogFor(locale)));

    it.each(LOCALES.filter((locale) => locale !== SOURCE))("has the same key paths in %s as in en", (locale) => {
      expect(sorted(leavesFor(locale).keys())).toEqual(sorted(leavesFor(SOURCE).keys()));
    });

    it.each(LOCALES)("has only non-empty string values in %s", (locale) => {
      const bad = [...leavesFor(locale)]
        .filter(([, value]) => typeof value !== "string" || value.trim() === "")
        .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
      expect(bad).toEqual([]);
    });

    it.each(LOCALES.filter((locale) => locale !== SOURCE))("uses the same ICU arguments in %s as in en", (locale) => {
      const source = leavesFor(SOURCE);
      const mismatches: string[] = [];
      for (const [key, value] of leavesFor(locale)) {
        const original = source.get(key);
        if (typeof value !== "string" || typeof original !== "string") continue;
        const expected = sorted(summarizeIcu(original).names);
        const actual = sorted(summarizeIcu(value).names);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          mismatches.push(`${key}: expected {${expected.join(", ")}}, got {${actual.join(", ")}}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it.each(LOCALES)("gives every plural the categories %s needs", (locale) => {
      const problems: string[] = [];
      for (const [key, value] of leavesFor(locale)) {
        if (typeof value !== "string") continue;
        for (const plural of summarizeIcu(value).plurals) {
          const rules = new Intl.PluralRules(locale, { type: plural.ordinal ? "ordinal" : "cardinal" });
          const needed: string[] = rules.resolvedOptions().pluralCategories;
          const missing = needed.filter((category) => !plural.selectors.includes(category));
          const unknown = plural.selectors.filter((s) => !/^=\d+(\.\d+)?$/.test(s) && !needed.includes(s));
          if (missing.length) problems.push(`${key} {${plural.name}}: missing ${missing.join(", ")}`);
          if (unknown.length) problems.push(`${key} {${plural.name}}: ${locale} has no ${unknown.join(", ")}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it.skipIf(!IntlMessageFormat).each(LOCALES)("compiles every message as ICU in %s", (locale) => {
      const errors: string[] = [];
      for (const [key, value] of leavesFor(locale)) {
        if (typeof value !== "string") continue;
        try {
          new IntlMessageFormat!(value, locale);
        } catch (error) {
          errors.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(errors).toEqual([]);
    });
  });
});
