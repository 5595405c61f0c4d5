import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./locales";

/** A nested message catalog, as next-intl reads it. */
export type Messages = { [key: string]: string | Messages };

const cache = new Map<Locale, Messages>();

/**
 * Loads messages/<locale>/*.json, one file per namespace (file name = namespace), so that
 * each feature owns its own catalog files.
 */
export function loadMessagesSync(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const folder = path.join(process.cwd(), "messages", locale);
  const messages: Messages = {};
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.slice(0, -5)] = JSON.parse(readFileSync(path.join(folder, file), "utf8")) as Messages;
  }
  cache.set(locale, messages);
  return messages;
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  return loadMessagesSync(locale);
}
