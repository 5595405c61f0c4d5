"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, ErrorSummary, Notice, Select, TextArea, TextInput, VisuallyHidden } from "@/app/_components";
import { AGENCY_LIMITS } from "@/lib/agency/schema";
import { TEMPLATE_KINDS } from "@/lib/agency/states";
import type { ItemFormState } from "../items/[kind]/[id]/form-state";
import { useItemMessages } from "../items/[kind]/[id]/use-item-messages";
import { deleteTemplateAction, saveTemplateAction } from "./actions";

type Template = { id: string; kind: string; title: string; body: string };

/** Adds a template, or (with `template`) changes one. Field ids are prefixed so several forms share a page. */
export function TemplateForm({ agencyId, template }: { agencyId: string; template?: Template }) {
  const t = useTranslations("agency");
  const [state, formAction, pending] = useActionState<ItemFormState, FormData>(saveTemplateAction, {});
  const { errorOf, message, summary } = useItemMessages(state);
  const prefix = template ? `template-${template.id}-` : "new-template-";
  const errors = summary(["kind", "title", "body"]).map((error) => ({ ...error, fieldId: `${prefix}${error.fieldId}` }));
  return (
    <form action={formAction} noValidate className="stack max-w-3xl">
      <ErrorSummary id={`${prefix}error-summary`} title={t("draft.errorSummary")} errors={errors} description={errors.length === 0 ? message : undefined} />
      {state.saved && state.notice ? <Notice tone="success">{t(`notices.${state.notice}` as never)}</Notice> : null}
      <input type="hidden" name="agencyId" value={agencyId} />
      {template ? <input type="hidden" name="templateId" value={template.id} /> : null}
      <Select
        id={`${prefix}kind`}
        name="kind"
        label={t("templates.kind")}
        defaultValue={state.values?.kind ?? template?.kind ?? ""}
        placeholder={t("templates.chooseKind")}
        error={errorOf("kind")}
        options={TEMPLATE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <TextInput id={`${prefix}title`} name="title" label={t("templates.titleLabel")} defaultValue={state.values?.title ?? template?.title} error={errorOf("title")} maxLength={AGENCY_LIMITS.templateTitle} />
      <TextArea id={`${prefix}body`} name="body" label={t("templates.body")} defaultValue={state.values?.body ?? template?.body} error={errorOf("body")} rows={6} maxLength={AGENCY_LIMITS.templateBody} />
      <Button type="submit" disabled={pending}>
        {template ? t("templates.save") : t("templates.add")}
        {template ? <VisuallyHidden> — {template.title}</VisuallyHidden> : null}
      </Button>
    </form>
  );
}

export function DeleteTemplateButton({ agencyId, template }: { agencyId: string; template: Template }) {
  const t = useTranslations("agency");
  const [state, formAction, pending] = useActionState<ItemFormState, FormData>(deleteTemplateAction, {});
  const { message } = useItemMessages(state);
  return (
    <form action={formAction}>
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="templateId" value={template.id} />
      <Button type="submit" variant="danger" size="sm" disabled={pending}>
        {t("templates.delete")}
        <VisuallyHidden> — {template.title}</VisuallyHidden>
      </Button>
      {message ? (
        <Notice tone="error" className="mt-2">
          {message}
        </Notice>
      ) : null}
    </form>
  );
}
