import { Tag } from "antd";
import { useT } from "../../../shared/i18n/i18n";
import type { EventPhase } from "../api/events-api";

const COLORS: Record<EventPhase, string> = {
  open: "green",
  closed: "default",
  ongoing: "blue",
  ended: "default",
  cancelled: "red",
};

export function PhaseTag({ phase }: { phase: EventPhase }) {
  const t = useT();
  return <Tag color={COLORS[phase]}>{t(`evt.phase.${phase}`)}</Tag>;
}
