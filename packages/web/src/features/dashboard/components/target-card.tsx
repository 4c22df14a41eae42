import { Card, Progress, Space, Tag, Tooltip, Typography } from "antd";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import type { TargetCard as TargetCardData } from "../api/dashboard-api";
import { formatQuantity, percent, STATUS_COLORS } from "./quantity";

/** One target: status colour, progress from baseline to target, current value, and the forecast with its interval. */
export function TargetCard({ card, onDrill }: { card: TargetCardData; onDrill?: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const color = STATUS_COLORS[card.status];
  const format = (q: TargetCardData["target"] | null | undefined) => formatQuantity(q, card.metric, language);
  const progress = card.progress === null ? 0 : Math.max(0, Math.min(100, Math.round(card.progress * 100)));
  return (
    <Card
      size="small"
      data-testid={`target-card-${card.targetId}`}
      style={{ borderTop: `4px solid ${color}`, height: "100%" }}
      title={
        <Tooltip title={card.quote}>
          <Space size={4}>
            <Tag color="geekblue">{card.targetId}</Tag>
            <span style={{ whiteSpace: "normal" }}>{localized(card.name, card.nameEn)}</span>
          </Space>
        </Tooltip>
      }
    >
      <Space orientation="vertical" size={4} style={{ width: "100%" }}>
        <Space wrap size={4}>
          <Tag color={color}>{t(`dash.status.${card.status}`)}</Tag>
          <Typography.Text type="secondary">{t(`dash.basis.${card.statusBasis}`)}</Typography.Text>
          {card.aspiration ? <Tag color="gold">{t("dash.aspiration")}</Tag> : null}
        </Space>
        <Typography.Text
          strong
          style={{ fontSize: 22, cursor: onDrill ? "pointer" : undefined }}
          onClick={onDrill}
          data-testid={`target-current-${card.targetId}`}
        >
          {format(card.current?.value)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {card.current
            ? `${t("dash.current")} · ${t("dash.upTo", { year: card.current.year, month: card.current.month })}`
            : ""}
        </Typography.Text>
        <Progress percent={progress} strokeColor={color} size="small" />
        <Typography.Text>
          {t("dash.target")}
          {t("common.colon")}
          {format(card.target)}
          {card.upperValue ? `—${format(card.upperValue)}` : ""}
          {card.baseline && card.unit !== "count" ? ` · ${t("dash.baseline")} ${format(card.baseline)}` : ""}
        </Typography.Text>
        {/* After the deadline the forecast is the actual: only a running target shows one. */}
        {card.forecast && card.statusBasis === "forecast" ? (
          <div data-testid={`target-forecast-${card.targetId}`}>
            <Typography.Text>
              {t("dash.forecast", { year: card.deadlineYear })}
              {t("common.colon")}
              <strong>{format(card.forecast.estimate)}</strong>
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {t("dash.interval", { level: Math.round(card.forecast.level * 100) })} {format(card.forecast.low)}—
              {format(card.forecast.high)}
              {card.forecast.probabilityMet !== null
                ? ` · ${t("dash.probabilityMet", { value: percent(card.forecast.probabilityMet) })}`
                : ""}
            </Typography.Text>
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
