"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { SIMILAR_QUERY_MIN } from "@/lib/petitions/schema";

interface SimilarItem {
  number: number;
  title: string;
  state: "open" | "responded";
  url: string;
}

/** Wait after the last keystroke before asking: one request per pause, not per letter. */
const DEBOUNCE_MS = 400;

/**
 * Open and answered petitions like the title being typed, so a creator can sign an existing one
 * instead of writing a duplicate. The count is announced politely; the list is plain links.
 */
export function SimilarPetitions({ title }: { title: string }) {
  const t = useTranslations("similarPetitions");
  const [items, setItems] = useState<SimilarItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  // The server refuses control characters; a pasted tab must not turn the lookup into an error.
  const query = title.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  const tooShort = query.length < SIMILAR_QUERY_MIN;

  useEffect(() => {
    if (tooShort) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/petitions/similar?q=${encodeURIComponent(query)}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!response.ok) throw new Error(`similar petitions: ${response.status}`);
        const body = (await response.json()) as { data: SimilarItem[] };
        setItems(body.data);
        setFailed(false);
      } catch {
        if (!controller.signal.aborted) setFailed(true);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, tooShort]);

  const shown = tooShort ? null : items;
  const status = tooShort ? "" : failed ? t("failed") : shown === null ? "" : shown.length ? t("found", { count: shown.length }) : t("none");
  return (
    <div className="stack">
      {/* Always in the page, so its changes are read out. */}
      <p role="status" aria-live="polite" className="m-0 text-sm">
        {status}
      </p>
      {shown?.length ? (
        <section aria-labelledby="similar-petitions-heading" className="border-l-[6px] border-info-600 bg-info-50 px-4 py-3">
          <h2 id="similar-petitions-heading" className="text-lg font-bold">
            {t("title")}
          </h2>
          <p className="mt-1">{t("lead")}</p>
          <ul className="mt-2 list-none p-0">
            {shown.map((item) => (
              <li key={item.number} className="py-1">
                <a href={item.url} className="inline-flex min-h-11 items-center font-semibold">
                  {item.title}
                </a>{" "}
                <span className="text-sm">{t("meta", { number: item.number, state: item.state })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
