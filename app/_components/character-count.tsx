"use client";

import { useEffect, useState } from "react";

/** How the counter reads: a template with {count} and {max}, or (client callers only) a function. */
export type CounterLabel = string | ((count: number, max: number) => string);

type CharacterCountProps = {
  id: string;
  /** The id of the <textarea> being counted. */
  targetId: string;
  max: number;
  initialCount: number;
  label?: CounterLabel;
};

function format(label: CounterLabel | undefined, count: number, max: number): string {
  if (typeof label === "function") return label(count, max);
  if (typeof label === "string") return label.replaceAll("{count}", String(count)).replaceAll("{max}", String(max));
  return `${count} / ${max}`;
}

/**
 * The counter under a TextArea. It listens to the textarea's own input events instead of
 * owning its value, so the textarea stays uncontrolled (plain forms) or owned by react-hook-form.
 */
export function CharacterCount({ id, targetId, max, initialCount, label }: CharacterCountProps) {
  const [count, setCount] = useState(initialCount);
  const [announced, setAnnounced] = useState("");

  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!(target instanceof HTMLTextAreaElement)) return;
    // The value may already differ from the server's (restored form, react-hook-form defaults).
    setCount(target.value.length);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      const length = target.value.length;
      setCount(length);
      // Screen readers hear the count once typing pauses, not on every key.
      clearTimeout(timer);
      timer = setTimeout(() => setAnnounced(format(label, length, max)), 1000);
    };
    // A form reset (React resets a form when its action returns) changes the value without an
    // input event; the reset event fires before the fields change, so read them a tick later.
    const form = target.form;
    let resetTimer: ReturnType<typeof setTimeout> | undefined;
    const onReset = () => {
      clearTimeout(resetTimer);
      resetTimer = setTimeout(() => setCount(target.value.length), 0);
    };
    target.addEventListener("input", onInput);
    form?.addEventListener("reset", onReset);
    return () => {
      clearTimeout(timer);
      clearTimeout(resetTimer);
      target.removeEventListener("input", onInput);
      form?.removeEventListener("reset", onReset);
    };
    // initialCount changes when the form is shown again with the submitted text as its default.
  }, [targetId, max, label, initialCount]);

  const atLimit = count >= max;
  return (
    <>
      <p id={id} className={atLimit ? "font-semibold text-danger-600" : "text-muted"}>
        {format(label, count, max)}
      </p>
      <span className="sr-only" aria-live="polite">
        {announced}
      </span>
    </>
  );
}
