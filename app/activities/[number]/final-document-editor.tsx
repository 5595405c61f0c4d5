"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, TextArea } from "@/app/_components";
import { ACTIVITY_LIMITS } from "@/lib/public-control/schema";
import { FormProblems } from "../_shared/form-problems";
import type { AreaFormState } from "../_shared/form-state";
import { useAreaMessages } from "../_shared/use-area-messages";
import { saveFinalDocumentAction } from "./actions";

type Item = { key: string; id: string; text: string };

/**
 * The unsent final document: facts found and the numbered recommendations, added, removed and
 * reordered here and saved as a whole. Textareas stay uncontrolled (React resets forms after an
 * action); the list's order and texts are mirrored in state so moving keeps what was typed.
 */
export function FinalDocumentEditor(props: { number: number; factsFound: string; recommendations: Array<{ id: string; text: string }> }) {
  const t = useTranslations("activities");
  const [state, formAction, pending] = useActionState<AreaFormState, FormData>(saveFinalDocumentAction, {});
  const { errorOf } = useAreaMessages("activities", state);
  const counter = useRef(0);
  const nextKey = () => `new-${++counter.current}`;
  const [items, setItems] = useState<Item[]>(() =>
    props.recommendations.length ? props.recommendations.map((r) => ({ key: r.id, id: r.id, text: r.text })) : [{ key: "new-0", id: "", text: "" }],
  );
  const [facts, setFacts] = useState(props.factsFound);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (state.notice !== "finalDocumentSaved" || !state.values?.savedIds) return;
    const ids = JSON.parse(state.values.savedIds) as string[];
    setItems((current) => current.filter((item) => item.text.trim()).map((item, index) => ({ ...item, id: ids[index] ?? item.id })));
  }, [state.submittedAt, state.notice, state.values?.savedIds]);

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    [next[index], next[target]] = [next[target], next[index]];
    setItems(next);
    setAnnouncement(t("finalDocument.moved", { from: index + 1, to: target + 1 }));
  };
  const remove = (index: number) => {
    setItems(items.filter((_, i) => i !== index));
    setAnnouncement(t("finalDocument.removed", { position: index + 1 }));
  };
  const add = () => {
    setItems([...items, { key: nextKey(), id: "", text: "" }]);
    setAnnouncement(t("finalDocument.added", { position: items.length + 1 }));
  };
  const fields = ["factsFound", "recommendations", ...items.map((_, i) => `recommendation-${i + 1}`)];

  return (
    <form action={formAction} noValidate className="stack">
      <FormProblems namespace="activities" state={state} fields={fields} />
      <input type="hidden" name="number" value={props.number} />
      <Field id="factsFound" label={t("finalDocument.factsFound")} hint={t("finalDocument.factsFoundHint")} error={errorOf("factsFound")}>
        <TextArea
          id="factsFound"
          name="factsFound"
          rows={8}
          defaultValue={facts}
          onChange={(e) => setFacts(e.target.value)}
          maxLength={ACTIVITY_LIMITS.factsFound}
          counterLabel={(count, max) => t("counter", { count, max })}
        />
      </Field>
      <fieldset id="recommendations" tabIndex={-1} className="stack">
        <legend className="text-xl font-bold">{t("finalDocument.recommendations")}</legend>
        <p className="text-muted">{t("finalDocument.recommendationsHint")}</p>
        {errorOf("recommendations") ? <p className="font-semibold text-danger-600">{errorOf("recommendations")}</p> : null}
        <ol className="stack">
          {items.map((item, index) => (
            <li key={item.key} className="border-l-4 border-neutral-300 pl-4">
              <input type="hidden" name="recommendationId" value={item.id} />
              <Field id={`recommendation-${index + 1}`} label={t("finalDocument.recommendation", { position: index + 1 })} error={errorOf(`recommendation-${index + 1}`)}>
                <TextArea
                  id={`recommendation-${index + 1}`}
                  name="recommendation"
                  rows={3}
                  defaultValue={item.text}
                  onChange={(e) => {
                    const text = e.target.value;
                    setItems((current) => current.map((c) => (c.key === item.key ? { ...c, text } : c)));
                  }}
                  maxLength={ACTIVITY_LIMITS.recommendation}
                />
              </Field>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button type="button" size="sm" variant="secondary" onClick={() => move(index, -1)} disabled={index === 0}>
                  {t("finalDocument.moveUp", { position: index + 1 })}
                </Button>
                <Button type="button" size="sm" variant="secondary" onClick={() => move(index, 1)} disabled={index === items.length - 1}>
                  {t("finalDocument.moveDown", { position: index + 1 })}
                </Button>
                <Button type="button" size="sm" variant="danger" onClick={() => remove(index)}>
                  {t("finalDocument.remove", { position: index + 1 })}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <div>
          <Button type="button" variant="secondary" onClick={add}>
            {t("finalDocument.add")}
          </Button>
        </div>
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("finalDocument.save")}
      </Button>
    </form>
  );
}
