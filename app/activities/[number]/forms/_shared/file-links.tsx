import { getFormatter, getTranslations } from "next-intl/server";
import type { FileSummary } from "@/lib/public-control/forms/form-queries";

/**
 * Evidence and documents: images as thumbnails linking to the full picture, PDFs as download
 * links with their size. `label` names the list for screen readers.
 */
export async function FileLinks({ files, label }: { files: readonly FileSummary[]; label: string }) {
  if (!files.length) return null;
  const [t, format] = await Promise.all([getTranslations("files"), getFormatter()]);
  const size = (bytes: number) =>
    bytes >= 1024 * 1024 ? t("sizeMegabytes", { size: format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 }) }) : t("sizeKilobytes", { size: format.number(Math.max(1, Math.round(bytes / 1024))) });
  const images = files.filter((file) => file.mimeType.startsWith("image/"));
  const documents = files.filter((file) => !file.mimeType.startsWith("image/"));
  return (
    <div aria-label={label} role="group" className="mt-3">
      {images.length ? (
        <ul className="flex flex-wrap gap-3">
          {images.map((file, index) => (
            <li key={file.id}>
              <a href={`/files/${file.id}`} className="block">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route with its own headers */}
                <img
                  src={`/files/${file.id}`}
                  alt={t("imageAlt", { number: index + 1, name: file.originalName })}
                  width={160}
                  height={120}
                  loading="lazy"
                  className="h-[120px] w-[160px] border border-ink object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {documents.length ? (
        <ul className="mt-2 list-disc pl-6">
          {documents.map((file) => (
            <li key={file.id}>
              <a href={`/files/${file.id}`} download={file.originalName}>
                {file.originalName}
              </a>{" "}
              <span className="text-muted">{t("pdfSize", { size: size(file.size) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
