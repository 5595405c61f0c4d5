import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeading, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { listResponseTemplates } from "@/lib/agency/list-response-templates";
import { requireAgencyStaff } from "../../_lib/require-staff";
import { DeleteTemplateButton, TemplateForm } from "./template-forms";

export async function generateMetadata() {
  const t = await getTranslations("agency");
  return { title: t("templates.title") };
}

/** The agency's response templates: staff read and use them in the editor; supervisors keep them. */
export default async function TemplatesPage({ params }: { params: Promise<{ agencyId: string }> }) {
  const { agencyId } = await params;
  const { actor, agency } = await requireAgencyStaff(agencyId, `/agency/${agencyId}/templates`);
  const [t, templates] = await Promise.all([getTranslations("agency"), listResponseTemplates(getDb(), actor, agencyId)]);
  const isSupervisor = agency.role === "supervisor";
  return (
    <>
      <PageHeading
        title={t("templates.title")}
        caption={agency.name}
        lead={isSupervisor ? t("templates.leadSupervisor") : t("templates.leadStaff")}
        breadcrumbs={[
          { href: "/agency", label: t("title") },
          { href: `/agency/${agencyId}`, label: agency.name },
          { label: t("templates.title") },
        ]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <Section title={t("templates.listTitle")} id="templates" className="mt-10">
        {templates.length === 0 ? (
          <EmptyState headingLevel={3} title={t("templates.emptyTitle")} description={isSupervisor ? t("templates.emptySupervisor") : t("templates.emptyStaff")} />
        ) : (
          <ul className="flex flex-col gap-8">
            {templates.map((template) => (
              <li key={template.id} className="border-l-4 border-line pl-4">
                <h3 className="text-xl font-bold break-words">{template.title}</h3>
                <p className="text-muted">{t(`kinds.${template.kind}`)}</p>
                {isSupervisor ? (
                  <div className="mt-4">
                    <TemplateForm agencyId={agencyId} template={template} />
                    <DeleteTemplateButton agencyId={agencyId} template={template} />
                  </div>
                ) : (
                  <p className="mt-2 whitespace-pre-line break-words">{template.body}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {isSupervisor ? (
        <Section title={t("templates.addTitle")} id="add" className="mt-12">
          <TemplateForm agencyId={agencyId} />
        </Section>
      ) : null}
    </>
  );
}
