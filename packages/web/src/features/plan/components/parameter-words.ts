import type { PlanParameter } from "@beizeng/domain/plan/schema";

/**
 * What one allowed value of a choice parameter means, as the parameter's own description says it
 * ("…：each = 每档各自作为首次突破给予奖励（默认）；highest = 只奖励最高一档"); null when the description does not
 * spell the value out. The plan's readings are explained in its text, so the form shows that text, not the value.
 */
export function choiceMeaning(description: string, value: string): string | null {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:^|[\\s：:；;，,（(])${escaped}\\s*=\\s*(.+?)(?=[；;。]|\\.\\s|\\.$|$)`).exec(
    description,
  );
  const meaning = match?.[1]?.trim();
  return meaning ? meaning : null;
}

/** A choice's label in the reader's language: yes/no for a boolean, else its meaning, else the value itself. */
export function choiceLabel(
  parameter: Pick<PlanParameter, "description" | "descriptionEn">,
  value: string | boolean | number,
  english: boolean,
  yesNo: (value: boolean) => string,
): string {
  if (typeof value === "boolean") return yesNo(value);
  const text = String(value);
  const description = english ? parameter.descriptionEn : parameter.description;
  return choiceMeaning(description, text) ?? choiceMeaning(parameter.description, text) ?? text;
}
