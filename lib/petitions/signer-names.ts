import type { NAME_DISPLAYS } from "@/db/schema/petitions";

/** How a signer chose to have their name shown on the petition page. */
export type NameDisplay = (typeof NAME_DISPLAYS)[number];

/**
 * A signer's name as the public may see it, or null when they chose not to show it.
 * "initials" (the default) is the first name and the initial of the last word, as
 * epetition.kz shows signers: "Асель Нурланқызы" → "Асель Н.". Pure: the page and its tests
 * call the same rule, and nothing but the name ever reaches it (never the e-mail or IIN).
 */
export function publicSignerName(fullName: string, display: NameDisplay): string | null {
  if (display === "hidden") return null;
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  if (display === "full") return words.join(" ");
  if (words.length === 1) return words[0];
  // The first character as the reader sees it (a letter outside the BMP is two UTF-16 units).
  const [initial] = Array.from(words[words.length - 1]);
  return `${words[0]} ${initial.toLocaleUpperCase()}.`;
}
