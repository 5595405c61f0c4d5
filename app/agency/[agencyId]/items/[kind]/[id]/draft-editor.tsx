"use client";

import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button, Checkbox, ErrorSummary, Field, Notice, Select, TextArea, TextInput } from "@/app/_components";
import { AGENCY_LIMITS, type FinalDocumentDraft, type InformationDraft, type PetitionDraft } from "@/lib/agency/schema";
import { mayPublish, type AgencyItemStatus } from "@/lib/agency/states";
import type { AgencyRole } from "@/db/schema/agencies";
import { RESPONSE_DECISIONS } from "@/lib/petitions/states";
import { RECOMMENDATION_DECISIONS } from "@/lib/public-control/states";
import { autosaveDraftAction, draftFormAction } from "./actions";
import type { ItemFormState } from "./form-state";
import { TemplatePicker } from "./template-picker";
import { fieldIdOf, useItemMessages } from "./use-item-messages";

const AUTOSAVE_DELAY_MS = 800;

type Template = { id: string; title: string; body: string };
type Recommendation = { id: string; position: number; text: string };
type Attachment = { id: string; name: string; size: number };

type Common = {
  agencyId: string;
  itemId: string;
  role: AgencyRole;
  requiresApproval: boolean;
  status: AgencyItemStatus;
  /** "HH:MM" (Almaty) of the stored draft, if there is one. */
  lastSavedAt: string | null;
  templates: Template[];
};

export type DraftEditorProps = Common &
  (
    | { kind: "petition"; initial: PetitionDraft }
    | { kind: "final_document"; initial: FinalDocumentDraft; recommendations: Recommendation[] }
    | { kind: "information_request"; initial: InformationDraft; attachments: Attachment[] }
  );

const noop = () => () => {};
/** True once hydrated: controls that only work with script (templates, adding rows) appear then. */
function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}

/** Text put into a field from a template: appended after what is there, or instead of nothing. */
const withTemplate = (current: string, body: string) => (current.trim() ? `${current.trimEnd()}\n\n${body}` : body);

/**
 * The answer being written. Saves itself a moment after each pause in typing ("Saved at
 * 10:42"), and offers the buttons the person's role and the agency's approval rule allow. It is
 * a real form: without script, "Save draft" and the other buttons post it as they are.
 */
export function DraftEditor(props: DraftEditorProps) {
  const t = useTranslations("agency.draft");
  const tAgency = useTranslations("agency");
  const [state, formAction, pending] = useActionState<ItemFormState, FormData>(draftFormAction, {});
  const [autosaved, setAutosaved] = useState<ItemFormState | null>(null);
  const [status, setStatus] = useState<AgencyItemStatus>(props.status);
  const [savedAt, setSavedAt] = useState<string | null>(props.lastSavedAt);
  const [edits, setEdits] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The latest result of a button wins over an earlier autosave.
  const [seen, setSeen] = useState(0);
  if (state.at && state.at !== seen) {
    setSeen(state.at);
    if (state.status) setStatus(state.status);
    if (state.savedAt) setSavedAt(state.savedAt);
    setAutosaved(null);
  }

  useEffect(() => {
    if (edits === 0) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const form = formRef.current;
      if (!form) return;
      const data = new FormData(form);
      // Files go up only with a button; an autosave carries the text.
      data.delete("attachments");
      data.delete("intent");
      const result = await autosaveDraftAction(data);
      setAutosaved(result);
      if (result.saved) {
        if (result.savedAt) setSavedAt(result.savedAt);
        if (result.status) setStatus(result.status);
      }
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [edits]);

  const touched = () => setEdits((n) => n + 1);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Dispatched by hand so React does not reset the form after the action: the fields are controlled.
    event.preventDefault();
    clearTimeout(timer.current);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    if (submitter?.name) data.set(submitter.name, submitter.value);
    startTransition(() => formAction(data));
  }

  const shown = autosaved && !autosaved.saved ? autosaved : state;
  const { errorOf, message, summary } = useItemMessages(shown);
  const errors = summary();
  const canPublish = mayPublish({ requiresApproval: props.requiresApproval, role: props.role, status });
  const isSupervisor = props.role === "supervisor";
  const noticeKey = state.saved && state.notice && state.notice !== "saved" ? state.notice : null;

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-labelledby="answer-heading">
      <ErrorSummary id="draft-error-summary" title={t("errorSummary")} errors={errors} description={errors.length === 0 ? message : undefined} />
      {noticeKey ? <Notice tone="success">{tAgency(`notices.${noticeKey}` as never)}</Notice> : null}
      <input type="hidden" name="agencyId" value={props.agencyId} />
      <input type="hidden" name="kind" value={props.kind} />
      <input type="hidden" name="itemId" value={props.itemId} />

      <p className="flex flex-wrap gap-x-4 gap-y-1 text-muted">
        <span>{t("statusLine", { status: tAgency(`statuses.${status}` as never) })}</span>
        <span role="status" aria-live="polite">
          {savedAt ? t("savedAt", { time: savedAt }) : t("notSavedYet")}
        </span>
      </p>
      {status === "awaiting_approval" && !isSupervisor ? <Notice tone="info" announce={false}>{t("awaitingApprovalHint")}</Notice> : null}
      {status === "approved" && !isSupervisor ? <Notice tone="info" announce={false}>{t("approvedHint")}</Notice> : null}

      {props.kind === "petition" ? (
        <PetitionFields initial={props.initial} templates={props.templates} errorOf={errorOf} onEdit={touched} />
      ) : props.kind === "final_document" ? (
        <RecommendationFields initial={props.initial} recommendations={props.recommendations} templates={props.templates} errorOf={errorOf} onEdit={touched} />
      ) : (
        <InformationFields initial={props.initial} attachments={props.attachments} templates={props.templates} errorOf={errorOf} onEdit={touched} />
      )}

      {isSupervisor && (status === "awaiting_approval" || status === "approved") ? (
        <TextArea id="returnNote" name="returnNote" label={t("returnNote")} hint={t("returnNoteHint")} rows={3} maxLength={AGENCY_LIMITS.note} />
      ) : null}

      <div className="flex flex-wrap gap-3">
        {isSupervisor && status === "awaiting_approval" ? (
          <Button type="submit" name="intent" value="approve" disabled={pending} fullWidthOnMobile>
            {t("approve")}
          </Button>
        ) : null}
        {canPublish ? (
          <Button type="submit" name="intent" value="publish" disabled={pending} fullWidthOnMobile>
            {t("publish")}
          </Button>
        ) : null}
        {!isSupervisor && props.requiresApproval && (status === "new" || status === "in_progress") ? (
          <Button type="submit" name="intent" value="submit" disabled={pending} fullWidthOnMobile>
            {t("submitForApproval")}
          </Button>
        ) : null}
        {isSupervisor && (status === "awaiting_approval" || status === "approved") ? (
          <Button type="submit" name="intent" value="return" variant="secondary" disabled={pending} fullWidthOnMobile>
            {t("returnForChanges")}
          </Button>
        ) : null}
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending} fullWidthOnMobile>
          {t("saveDraft")}
        </Button>
      </div>
      <p className="text-muted">{props.requiresApproval ? t("approvalRule") : t("noApprovalRule")}</p>
    </form>
  );
}

type FieldsProps<T> = {
  initial: T;
  templates: Template[];
  errorOf: (field: string) => string | undefined;
  onEdit: () => void;
};

function PetitionFields({ initial, templates, errorOf, onEdit }: FieldsProps<PetitionDraft>) {
  const t = useTranslations("agency.draft");
  const tDecisions = useTranslations("agency.decisions");
  const hydrated = useHydrated();
  const [decision, setDecision] = useState<string>(initial.decision);
  const [reasons, setReasons] = useState(initial.reasons);
  // One spare row, so a measure can be added without script too.
  const [measures, setMeasures] = useState(() => [...initial.measures, { text: "", dueOn: "" }].slice(0, AGENCY_LIMITS.measures));
  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    onEdit();
  };
  const setMeasure = (index: number, field: "text" | "dueOn", value: string) => {
    setMeasures((rows) => rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    onEdit();
  };
  return (
    <>
      <Select
        id="decision"
        label={t("decision")}
        error={errorOf("decision")}
        value={decision}
        onChange={(event) => edit(setDecision)(event.target.value)}
        placeholder={t("chooseDecision")}
        options={RESPONSE_DECISIONS.map((value) => ({ value, label: tDecisions(value) }))}
      />
      <TextArea
        id="reasons"
        label={t("reasons")}
        hint={t("reasonsHint")}
        error={errorOf("reasons")}
        value={reasons}
        onChange={(event) => edit(setReasons)(event.target.value)}
        maxLength={AGENCY_LIMITS.reasons}
        counterLabel={(count, max) => t("counter", { count, max })}
        rows={8}
      />
      {hydrated ? <TemplatePicker id="reasons-template" templates={templates} onInsert={(body) => edit(setReasons)(withTemplate(reasons, body))} /> : null}
      <fieldset className="ds-block" aria-describedby="measures-hint">
        <legend className="text-xl font-bold">{t("measures")}</legend>
        <p id="measures-hint" className="mb-3 text-muted">
          {t("measuresHint")}
        </p>
        {errorOf("measures") ? (
          <p id="measures" className="mb-3 font-semibold text-danger-600" tabIndex={-1}>
            {errorOf("measures")}
          </p>
        ) : null}
        {measures.map((row, index) => (
          <div key={index} className="mb-4 grid gap-3 sm:grid-cols-[1fr_12rem]">
            <TextInput
              id={`measures-${index}-text`}
              name={`measures.${index}.text`}
              label={t("measure", { number: index + 1 })}
              error={errorOf(`measures.${index}.text`)}
              value={row.text}
              maxLength={AGENCY_LIMITS.measure}
              onChange={(event) => setMeasure(index, "text", event.target.value)}
            />
            <TextInput
              id={`measures-${index}-dueOn`}
              name={`measures.${index}.dueOn`}
              type="date"
              label={t("measureDue", { number: index + 1 })}
              error={errorOf(`measures.${index}.dueOn`)}
              value={row.dueOn}
              onChange={(event) => setMeasure(index, "dueOn", event.target.value)}
            />
          </div>
        ))}
        {hydrated && measures.length < AGENCY_LIMITS.measures ? (
          <Button type="button" variant="secondary" size="sm" onClick={() => setMeasures((rows) => [...rows, { text: "", dueOn: "" }])}>
            {t("addMeasure")}
          </Button>
        ) : null}
      </fieldset>
    </>
  );
}

function RecommendationFields({ initial, recommendations, templates, errorOf, onEdit }: FieldsProps<FinalDocumentDraft> & { recommendations: Recommendation[] }) {
  const t = useTranslations("agency.draft");
  const tDecisions = useTranslations("agency.recommendationDecisions");
  const hydrated = useHydrated();
  const [answers, setAnswers] = useState(() =>
    Object.fromEntries(recommendations.map((r) => [r.id, initial.answers[r.id] ?? { decision: "", reasons: "", measures: "", dueOn: "" }])),
  );
  const set = (id: string, field: "decision" | "reasons" | "measures" | "dueOn", value: string) => {
    setAnswers((all) => ({ ...all, [id]: { ...all[id], [field]: value } }));
    onEdit();
  };
  return (
    <>
      <p className="text-muted">{t("recommendationsHint")}</p>
      {recommendations.map((recommendation) => {
        const answer = answers[recommendation.id];
        const prefix = `answers.${recommendation.id}`;
        const rejected = answer.decision === "rejected";
        return (
          <fieldset key={recommendation.id} className="ds-block border-l-4 border-line pl-4" aria-describedby={`rec-${recommendation.id}-text`}>
            <legend className="text-xl font-bold">{t("recommendation", { number: recommendation.position })}</legend>
            <p id={`rec-${recommendation.id}-text`} className="mb-4 whitespace-pre-line break-words">
              {recommendation.text}
            </p>
            <Select
              id={fieldIdOf(`${prefix}.decision`)}
              name={`${prefix}.decision`}
              label={t("recommendationDecision", { number: recommendation.position })}
              error={errorOf(`${prefix}.decision`)}
              value={answer.decision}
              onChange={(event) => set(recommendation.id, "decision", event.target.value)}
              placeholder={t("chooseDecision")}
              options={RECOMMENDATION_DECISIONS.map((value) => ({ value, label: tDecisions(value) }))}
            />
            <TextArea
              id={fieldIdOf(`${prefix}.reasons`)}
              name={`${prefix}.reasons`}
              label={t("recommendationReasons", { number: recommendation.position })}
              error={errorOf(`${prefix}.reasons`)}
              value={answer.reasons}
              onChange={(event) => set(recommendation.id, "reasons", event.target.value)}
              rows={4}
              maxLength={AGENCY_LIMITS.reasons}
              counterLabel={(count, max) => t("counter", { count, max })}
            />
            {hydrated ? (
              <TemplatePicker
                id={`${fieldIdOf(prefix)}-template`}
                templates={templates}
                onInsert={(body) => set(recommendation.id, "reasons", withTemplate(answer.reasons, body))}
              />
            ) : null}
            {!rejected ? (
              <>
                <TextArea
                  id={fieldIdOf(`${prefix}.measures`)}
                  name={`${prefix}.measures`}
                  label={t("recommendationMeasures", { number: recommendation.position })}
                  hint={t("recommendationMeasuresHint")}
                  error={errorOf(`${prefix}.measures`)}
                  value={answer.measures}
                  onChange={(event) => set(recommendation.id, "measures", event.target.value)}
                  rows={3}
                  maxLength={AGENCY_LIMITS.reasons}
                  counterLabel={(count, max) => t("counter", { count, max })}
                />
                <TextInput
                  id={fieldIdOf(`${prefix}.dueOn`)}
                  name={`${prefix}.dueOn`}
                  type="date"
                  width="medium"
                  label={t("recommendationDue", { number: recommendation.position })}
                  error={errorOf(`${prefix}.dueOn`)}
                  value={answer.dueOn}
                  onChange={(event) => set(recommendation.id, "dueOn", event.target.value)}
                />
              </>
            ) : null}
          </fieldset>
        );
      })}
    </>
  );
}

function InformationFields({ initial, attachments, templates, errorOf, onEdit }: FieldsProps<InformationDraft> & { attachments: Attachment[] }) {
  const t = useTranslations("agency.draft");
  const hydrated = useHydrated();
  const [mode, setMode] = useState<string>(initial.mode);
  const [answerText, setAnswerText] = useState(initial.answerText);
  const [refusalGround, setRefusalGround] = useState(initial.refusalGround);
  const [kept, setKept] = useState<string[]>(initial.attachmentIds);
  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    onEdit();
  };
  const answerBlock: ReactNode = (
    <>
      <TextArea
        id="answerText"
        label={t("answerText")}
        error={errorOf("answerText")}
        value={answerText}
        onChange={(event) => edit(setAnswerText)(event.target.value)}
        rows={8}
        maxLength={AGENCY_LIMITS.reasons}
        counterLabel={(count, max) => t("counter", { count, max })}
      />
      {hydrated ? <TemplatePicker id="answerText-template" templates={templates} onInsert={(body) => edit(setAnswerText)(withTemplate(answerText, body))} /> : null}
      {attachments.length > 0 ? (
        <fieldset className="ds-block">
          <legend className="font-semibold">{t("keptFiles")}</legend>
          {attachments.map((file) => (
            <Checkbox
              key={file.id}
              id={`attachment-${file.id}`}
              name="attachmentIds"
              value={file.id}
              label={t("keepFile", { name: file.name })}
              checked={kept.includes(file.id)}
              onChange={(event) => {
                setKept((ids) => (event.target.checked ? [...ids, file.id] : ids.filter((id) => id !== file.id)));
                onEdit();
              }}
            />
          ))}
        </fieldset>
      ) : null}
      <Field id="attachments" label={t("attachFiles")} hint={t("attachFilesHint")} error={errorOf("attachments")}>
        <input id="attachments" name="attachments" type="file" multiple accept="application/pdf,image/jpeg,image/png,image/webp" className="block" />
      </Field>
    </>
  );
  const refusalBlock: ReactNode = (
    <>
      <TextArea
        id="refusalGround"
        label={t("refusalGround")}
        hint={t("refusalGroundHint")}
        error={errorOf("refusalGround")}
        value={refusalGround}
        onChange={(event) => edit(setRefusalGround)(event.target.value)}
        rows={5}
        maxLength={AGENCY_LIMITS.reasons}
        counterLabel={(count, max) => t("counter", { count, max })}
      />
      {hydrated ? <TemplatePicker id="refusalGround-template" templates={templates} onInsert={(body) => edit(setRefusalGround)(withTemplate(refusalGround, body))} /> : null}
    </>
  );
  return (
    <>
      <Select
        id="mode"
        label={t("mode")}
        error={errorOf("mode")}
        value={mode}
        onChange={(event) => edit(setMode)(event.target.value)}
        placeholder={t("chooseMode")}
        options={[
          { value: "answer", label: t("modes.answer") },
          { value: "refuse", label: t("modes.refuse") },
        ]}
      />
      {mode !== "refuse" ? answerBlock : kept.map((id) => <input key={id} type="hidden" name="attachmentIds" value={id} />)}
      {mode !== "answer" ? refusalBlock : null}
    </>
  );
}
