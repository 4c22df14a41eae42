import { Badge, Tag } from "antd";
import { useT } from "../../../shared/i18n/i18n";
import type { ProjectCategory, ScheduleStatus } from "../api/projects-api";

const categoryColors: Record<ProjectCategory, string> = {
  "50": "red",
  "20": "volcano",
  industrial: "blue",
  other: "default",
};

/** The derived category as a tag: “50”项目, “20”项目, 2000万元以上, 其他. */
export function CategoryTag({ category }: { category: ProjectCategory }) {
  const t = useT();
  return <Tag color={categoryColors[category]}>{t(`pj.category.${category}`)}</Tag>;
}

const statusColors: Record<ScheduleStatus, "success" | "warning" | "error" | "default"> = {
  green: "success",
  yellow: "warning",
  red: "error",
  done: "default",
};

/** Green on time, yellow up to 30 days late, red later; with the days late. */
export function ScheduleBadge({ status, daysLate }: { status: ScheduleStatus; daysLate: number }) {
  const t = useT();
  const text =
    status === "yellow" || status === "red" ? t("pj.status.late", { days: daysLate }) : t(`pj.status.${status}`);
  return <Badge status={statusColors[status]} text={text} />;
}

export const stageColors: Record<string, string> = {
  planning: "default",
  negotiation: "gold",
  signed: "cyan",
  construction: "blue",
  production: "green",
};
