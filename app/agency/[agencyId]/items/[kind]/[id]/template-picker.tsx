"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, Select } from "@/app/_components";

/** Picks one of the agency's response templates and puts its text into a field (needs script, so it is shown only then). */
export function TemplatePicker({
  id,
  templates,
  onInsert,
}: {
  id: string;
  templates: ReadonlyArray<{ id: string; title: string; body: string }>;
  onInsert: (body: string) => void;
}) {
  const t = useTranslations("agency.draft");
  const [chosen, setChosen] = useState("");
  if (templates.length === 0) return null;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label htmlFor={id} className="sr-only">
        {t("templateLabel")}
      </label>
      <Select
        id={id}
        name=""
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
        placeholder={t("templatePlaceholder")}
        options={templates.map((template) => ({ value: template.id, label: template.title }))}
      />
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={!chosen}
        onClick={() => {
          const template = templates.find((candidate) => candidate.id === chosen);
          if (template) onInsert(template.body);
        }}
      >
        {t("insertTemplate")}
      </Button>
    </div>
  );
}
