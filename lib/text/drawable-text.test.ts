import { describe, expect, it } from "vitest";
import { drawableText } from "./drawable-text";

describe("drawableText: a petition's preview image is drawn with the fonts Birge ships", () => {
  it("keeps Kazakh, Russian and English text as it is", () => {
    const text = "Әкімдік: ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І — мост № 45, “bridge” 1 340 ₸ 100 €";
    expect(drawableText(text)).toBe(text);
  });

  it("drops what the fonts cannot draw instead of fetching a font for it", () => {
    expect(drawableText("Save the park 🌳 公园 now")).toBe("Save the park now");
    expect(drawableText("line\none")).toBe("line one");
  });
});
