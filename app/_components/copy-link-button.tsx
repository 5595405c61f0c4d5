"use client";

import { useState } from "react";
import { Button } from "./button";

type Props = {
  /** The id of the read-only input that holds the link. */
  targetId: string;
  label: string;
  /** Said (politely) once the link is on the clipboard. */
  copiedLabel: string;
  /** Said when the browser refuses the clipboard and the link has been selected instead. */
  selectedLabel: string;
};

/**
 * Copies a link field's value to the clipboard. Where the clipboard API is missing or refused
 * (an http page, a denied permission), it selects the text so the person can copy it themselves.
 * The status line is always in the page, so screen readers announce its change.
 */
export function CopyLinkButton({ targetId, label, copiedLabel, selectedLabel }: Props) {
  const [status, setStatus] = useState<"" | "copied" | "selected">("");
  const copy = async () => {
    const input = document.getElementById(targetId) as HTMLInputElement | null;
    if (!input) return;
    setStatus("");
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(input.value);
      setStatus("copied");
    } catch {
      input.focus();
      input.select();
      setStatus("selected");
    }
  };
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <Button type="button" variant="secondary" onClick={copy}>
        {label}
      </Button>
      <p role="status" aria-live="polite" className="m-0 font-semibold">
        {status === "copied" ? copiedLabel : status === "selected" ? selectedLabel : ""}
      </p>
    </div>
  );
}
