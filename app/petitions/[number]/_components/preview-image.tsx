import { readFileSync } from "node:fs";
import path from "node:path";
import { ImageResponse } from "next/og";
import { PREVIEW_IMAGE_SIZE } from "@/app/_layout/link-preview";
import { drawableText } from "@/lib/text/drawable-text";

// Inter from an npm package, read from disk (nothing is fetched at run time). Satori reads WOFF
// but not WOFF2, and takes each glyph from the first font that has it: latin, then cyrillic
// (Russian), then cyrillic-ext (Kazakh ә ғ қ ң ө ұ ү һ і).
const FONT_FILES = ["latin", "latin-ext", "cyrillic", "cyrillic-ext"].flatMap((subset) =>
  ([400, 700] as const).map((weight) => ({ subset, weight, file: `inter-${subset}-${weight}-normal.woff` })),
);

const FONT_FAMILY = FONT_FILES.filter((f) => f.weight === 400).map((f) => `"Inter ${f.subset}"`).join(", ");

let fonts: Array<{ name: string; data: Buffer; weight: 400 | 700; style: "normal" }> | null = null;

function loadFonts() {
  fonts ??= FONT_FILES.map(({ subset, weight, file }) => ({
    name: `Inter ${subset}`,
    data: readFileSync(path.join(process.cwd(), "node_modules", "@fontsource", "inter", "files", file)),
    weight,
    style: "normal" as const,
  }));
  return fonts;
}

/** What the preview card shows, already in the reader's language. */
export interface PreviewContent {
  siteName: string;
  caption: string;
  title: string;
  addressee: string;
  count: string;
  status: string;
  /** 0…1 towards the answer threshold; null when there is nothing left to reach. */
  progress: number | null;
}

/** A 1200×630 PNG: the petition's number, title, addressee, count and progress. */
export function petitionPreviewImage(given: PreviewContent, headers: Record<string, string>): ImageResponse {
  const content = Object.fromEntries(Object.entries(given).map(([key, value]) => [key, typeof value === "string" ? drawableText(value) : value])) as PreviewContent;
  const title = content.title.length > 140 ? `${content.title.slice(0, 139)}…` : content.title;
  return new ImageResponse(
    (
      <div style={{ display: "flex", flexDirection: "column", width: "100%", height: "100%", background: "#ffffff", color: "#0b0c0c", fontFamily: FONT_FAMILY, padding: "56px 64px" }}>
        <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", fontSize: 30 }}>
          <div style={{ display: "flex", alignItems: "center", fontWeight: 700, color: "#0b5d68" }}>
            <div style={{ display: "flex", width: 44, height: 44, borderRadius: 8, background: "#0b5d68", marginRight: 16 }} />
            {content.siteName}
          </div>
          <div style={{ display: "flex", color: "#484f58" }}>{content.caption}</div>
        </div>
        <div style={{ display: "flex", flexGrow: 1, alignItems: "center", fontSize: title.length > 80 ? 50 : 62, fontWeight: 700, lineHeight: 1.15 }}>{title}</div>
        <div style={{ display: "flex", fontSize: 28, color: "#484f58", marginBottom: 20 }}>{content.addressee}</div>
        <div style={{ display: "flex", alignItems: "baseline", justifyContent: "space-between", fontSize: 34 }}>
          <div style={{ display: "flex", fontWeight: 700, fontSize: 46 }}>{content.count}</div>
          <div style={{ display: "flex", color: "#484f58" }}>{content.status}</div>
        </div>
        {content.progress === null ? null : (
          <div style={{ display: "flex", width: "100%", height: 24, marginTop: 18, background: "#dfe3e8", borderRadius: 12 }}>
            <div style={{ display: "flex", width: `${Math.max(2, Math.round(content.progress * 100))}%`, height: 24, background: "#0b5d68", borderRadius: 12 }} />
          </div>
        )}
      </div>
    ),
    { ...PREVIEW_IMAGE_SIZE, fonts: loadFonts(), headers },
  );
}
