import { getTranslations } from "next-intl/server";
import { EmptyState, Notice, PageHeading, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { loadExpertise } from "@/lib/public-control/forms/form-queries";
import { FileLinks } from "../_shared/file-links";
import { formBreadcrumbs, loadFormPage } from "../_shared/load-form-page";
import { ActivityFormLinks } from "../form-links";
import { DraftActForm, ExpertiseCommentForm } from "./expertise-forms";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  const { activity } = await loadFormPage((await params).number, ["expertise"]);
  const t = await getTranslations("activityForms");
  return { title: `${t("expertise.title")} · ${activity.title}` };
}

/** Public expertise: the draft act under review and the expert conclusion, clause by clause. */
export default async function ExpertisePage({ params }: Props) {
  const { activity, canAdd, isSubject } = await loadFormPage((await params).number, ["expertise"]);
  const [t, { draftAct, comments }] = await Promise.all([getTranslations("activityForms"), loadExpertise(getDb(), activity.id)]);
  return (
    <>
      <PageHeading
        caption={t("activityCaption", { number: activity.number, title: activity.title })}
        title={t("expertise.title")}
        lead={t("expertise.lead")}
        breadcrumbs={formBreadcrumbs(activity, t("activitiesList"), t("expertise.title"))}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <ActivityFormLinks activityNumber={activity.number} forms={activity.forms} current="expertise" />
      {isSubject && !canAdd ? (
        <Notice tone="info" announce={false} className="mb-8">
          {t("closedForSubject")}
        </Notice>
      ) : null}
      <Section title={t("expertise.actSection")} id="draft-act">
        {draftAct ? (
          <article aria-labelledby="draft-act-title">
            <h3 id="draft-act-title" className="text-xl font-bold break-words">
              {draftAct.title}
            </h3>
            {draftAct.text ? <div className="mt-3 max-h-[32rem] overflow-auto border border-line p-4 whitespace-pre-line break-words" tabIndex={0} role="region" aria-label={t("expertise.actTextRegion")}>{draftAct.text}</div> : null}
            {draftAct.file ? <FileLinks files={[draftAct.file]} label={t("expertise.actFile")} /> : null}
          </article>
        ) : (
          <EmptyState headingLevel={3} title={t("expertise.noActTitle")} description={t("expertise.noActDescription")} />
        )}
        {canAdd ? (
          <details className="mt-6" open={!draftAct}>
            <summary className="cursor-pointer font-semibold">{draftAct ? t("expertise.changeAct") : t("expertise.setAct")}</summary>
            <div className="mt-4">
              <DraftActForm activityId={activity.id} initial={{ title: draftAct?.title ?? "", text: draftAct?.text ?? "" }} hasFile={!!draftAct?.fileId} />
            </div>
          </details>
        ) : null}
      </Section>
      <Section title={t("expertise.conclusionTitle", { count: comments.length })} id="conclusion">
        {comments.length === 0 ? (
          <EmptyState headingLevel={3} title={t("expertise.noCommentsTitle")} description={t("expertise.noCommentsDescription")} />
        ) : (
          <ol className="space-y-6">
            {comments.map((comment) => (
              <li key={comment.id}>
                <article aria-labelledby={`remark-${comment.id}`} className="border-l-4 border-line pl-4">
                  <h3 id={`remark-${comment.id}`} className="text-xl font-bold break-words">
                    {t("expertise.remarkHeading", { position: comment.position, clause: comment.clause })}
                  </h3>
                  {comment.quotedText ? <blockquote className="mt-2 border-l-2 border-muted pl-3 text-muted italic whitespace-pre-line break-words">{comment.quotedText}</blockquote> : null}
                  <p className="mt-2 whitespace-pre-line break-words">{comment.comment}</p>
                  {comment.recommendation ? (
                    <p className="mt-2 whitespace-pre-line break-words">
                      <strong>{t("expertise.recommendationLabel")}</strong> {comment.recommendation}
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
        )}
      </Section>
      {canAdd ? (
        <Section title={t("expertise.addCommentTitle")} id="add-remark">
          <ExpertiseCommentForm activityId={activity.id} />
        </Section>
      ) : null}
    </>
  );
}
