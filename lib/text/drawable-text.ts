// The code points that the preview image's fonts (Inter's latin, latin-ext, cyrillic and
// cyrillic-ext subsets from @fontsource/inter, as their unicode-range says) can draw.
const DRAWABLE =
  /[\u0020-\u007E\u00A0-\u00FF\u0100-\u02FF\u0300-\u0304\u0308\u0309\u0323\u0329\u0400-\u052F\u1C80-\u1C8A\u1D00-\u1DBF\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20C0\u2113\u2116\u2122\u2191\u2193\u2212\u2215\u2C60-\u2C7F\u2DE0-\u2DFF\uA640-\uA69F\uA720-\uA7FF\uFE2E\uFE2F]/u;

/**
 * Keeps only what the preview image's own fonts can draw. The image renderer fetches a font from
 * the web for any other character; dropping them (an emoji, a CJK word) keeps rendering offline.
 */
export function drawableText(text: string): string {
  let out = "";
  for (const char of text) out += DRAWABLE.test(char) ? char : char === "\n" || char === "\t" ? " " : "";
  return out.replace(/ {2,}/g, " ").trim();
}
