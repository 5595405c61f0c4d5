/** A run of plain text, or a link found in it. */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// A web address (http, https or a bare www.) or an e-mail address. Only these become links:
// any other scheme (javascript:, data:, file:) stays text. The look-behind keeps "xhttp://"
// and the middle of a word from starting a link.
const CANDIDATE =
  /(?<![\p{L}\p{N}_@.\/-])(?:(?:https?:\/\/|www\.)[^\s<>"'`«»“”]+|[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,})/giu;

/** Punctuation that ends a sentence rather than an address: "see https://x.kz." links https://x.kz. */
const TRAILING = /[.,;:!?…]$/u;
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Drops sentence punctuation and unbalanced closing brackets from the end of a found address. */
function trimEnd(candidate: string): string {
  let text = candidate;
  for (;;) {
    const last = text.at(-1) ?? "";
    if (TRAILING.test(last)) text = text.slice(0, -1);
    else if (CLOSERS[last] && count(text, last) > count(text, CLOSERS[last])) text = text.slice(0, -1);
    else return text;
  }
}

/** The link target for a found address, or null when it is not a well-formed http(s) or mailto address. */
function hrefFor(text: string): string | null {
  if (/^[^:/]+@/.test(text)) return `mailto:${text}`;
  const withScheme = /^www\./i.test(text) ? `https://${text}` : text;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname.includes(".")) return null;
    return url.href;
  } catch {
    return null;
  }
}

/**
 * Splits a text written by people (a petition, a rejection note) into plain runs and links to the
 * web and e-mail addresses in it, for rendering as safe links. Pure: no markup, no HTML escaping
 * needed by the caller beyond what React does.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  const push = (part: TextPart) => {
    const previous = parts.at(-1);
    if (part.kind === "text" && previous?.kind === "text") previous.text += part.text;
    else if (part.text) parts.push(part);
  };
  for (const match of text.matchAll(CANDIDATE)) {
    const found = trimEnd(match[0]);
    const href = hrefFor(found);
    if (!href) continue;
    push({ kind: "text", text: text.slice(last, match.index) });
    push({ kind: "link", text: found, href });
    last = match.index + found.length;
  }
  push({ kind: "text", text: text.slice(last) });
  return parts;
}
