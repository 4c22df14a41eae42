import { Tag, Tooltip } from "antd";
import { useT } from "../../../shared/i18n/i18n";
import type { TaskColor } from "../api/tasks-api";

const colors: Record<TaskColor, string> = { green: "green", yellow: "gold", red: "red" };

/** The traffic light of a task, with its reasons on hover. */
export function TaskColorTag({ color, reasons }: { color: TaskColor; reasons?: string[] }) {
  const t = useT();
  const tag = <Tag color={colors[color]}>{t(`tasks.color.${color}`)}</Tag>;
  return reasons && reasons.length > 0 ? <Tooltip title={reasons.join("；")}>{tag}</Tooltip> : tag;
}
