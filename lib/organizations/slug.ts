// Public addresses of organizations: /organizations/<slug>, Latin letters from any of our languages.

const CYRILLIC: Record<string, string> = {
  а: "a", ә: "a", б: "b", в: "v", г: "g", ғ: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i",
  к: "k", қ: "q", л: "l", м: "m", н: "n", ң: "n", о: "o", ө: "o", п: "p", р: "r", с: "s", т: "t", у: "u",
  ұ: "u", ү: "u", ф: "f", х: "kh", һ: "h", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", і: "i",
  ь: "", э: "e", ю: "yu", я: "ya",
};

/** Words of the organization's own routes that can never be a slug. */
export const RESERVED_SLUGS = ["register", "join", "new", "members", "edit"] as const;

/** "Общественный фонд «Adal Qogam»" → "obshchestvennyi-fond-adal-qogam", at most 60 characters. */
export function slugify(name: string): string {
  const latin = [...name.toLowerCase()].map((c) => CYRILLIC[c] ?? c).join("");
  const slug = latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug.length >= 2 && !(RESERVED_SLUGS as readonly string[]).includes(slug) ? slug : `org-${slug || "ngo"}`;
}
