import type { PlanRequestCategory } from "@beizeng/domain/plan/schema";
import { findRequestCategory } from "@beizeng/domain/requests/categories";
import { Tag } from "antd";
import { useCallback, useMemo } from "react";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import type { EnterpriseRequest, RequestStatus } from "../api/requests-api";

const statusColors: Record<RequestStatus, string> = {
  submitted: "default",
  assigned: "processing",
  accepted: "blue",
  answered: "warning",
  closed: "success",
};

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  const t = useT();
  return <Tag color={statusColors[status]}>{t(`rq.status.${status}`)}</Tag>;
}

/** The traffic light of a request the unit has not answered yet: overdue days in yellow or red. */
export function RequestLightTag({ request }: { request: Pick<EnterpriseRequest, "light" | "overdueDays"> }) {
  const t = useT();
  if (request.light === "yellow") return <Tag color="gold">{t("rq.light.yellow", { days: request.overdueDays })}</Tag>;
  if (request.light === "red") return <Tag color="red">{t("rq.light.red", { days: request.overdueDays })}</Tag>;
  return null;
}

export function RatingTag({ rating }: { rating: EnterpriseRequest["rating"] }) {
  const t = useT();
  if (!rating) return null;
  const color = rating === "satisfied" ? "green" : rating === "basically" ? "cyan" : "volcano";
  return <Tag color={color}>{t(`rq.rating.${rating}`)}</Tag>;
}

const NO_CATEGORIES: readonly PlanRequestCategory[] = [];

/** The categories of the district's plan (names in both languages, time limits), in plan order. */
export function useRequestCategories(): readonly PlanRequestCategory[] {
  return usePlan().data?.requestCategories ?? NO_CATEGORIES;
}

/**
 * A category's name in the current language, from the plan. A request filed under a category the plan no longer
 * has is shown as a retired category, never by its bare id.
 */
export function useCategoryName(): (id: string) => string {
  const t = useT();
  const localized = useLocalizedText();
  const categories = useRequestCategories();
  return useCallback(
    (id: string) => {
      const category = findRequestCategory(categories, id);
      return category ? localized(category.name, category.nameEn) : t("rq.category.retired");
    },
    [categories, localized, t],
  );
}

/** The plan's categories as the options of a form or a filter. */
export function useCategoryOptions(): { value: string; label: string }[] {
  const localized = useLocalizedText();
  const categories = useRequestCategories();
  return useMemo(
    () => categories.map((category) => ({ value: category.id, label: localized(category.name, category.nameEn) })),
    [categories, localized],
  );
}
