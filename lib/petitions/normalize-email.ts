// One person, one signature: addresses are compared in a normalized form.

/** Providers that ignore dots in the local part (and treat googlemail as gmail). */
const DOTS_IGNORED = new Set(["gmail.com", "googlemail.com"]);
/** Providers that deliver name+tag@ to name@. */
const PLUS_TAGS = new Set(["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "icloud.com", "me.com", "yandex.ru", "yandex.kz", "ya.ru", "proton.me", "protonmail.com", "fastmail.com"]);

/** Lower-cases, drops +tags and dots where the provider ignores them. */
export function normalizeEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 1) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (PLUS_TAGS.has(domain)) local = local.split("+")[0];
  if (DOTS_IGNORED.has(domain)) local = local.replace(/\./g, "");
  return `${local}@${domain}`;
}

export function emailDomain(email: string): string {
  const trimmed = email.trim().toLowerCase();
  return trimmed.slice(trimmed.lastIndexOf("@") + 1);
}
