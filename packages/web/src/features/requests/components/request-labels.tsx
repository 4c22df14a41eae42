import { REQUEST_CATEGORIES } from "@beizeng/domain/requests/categories";
import { Tag } from "antd";
import { useCallback } from "react";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
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

/** The category's name in the current language. */
export function useCategoryName(): (id: string) => string {
  const localized = useLocalizedText();
  return useCallback(
    (id: string) => {
      const category = REQUEST_CATEGORIES.find((candidate) => candidate.id === id);
      return category ? localized(category.name, category.nameEn) : id;
    },
    [localized],
  );
}

export function useCategoryOptions() {
  const categoryName = useCategoryName();
  return REQUEST_CATEGORIES.map((category) => ({ value: category.id, label: categoryName(category.id) }));
}
