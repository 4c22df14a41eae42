import type { MonthCoverage } from "@beizeng/contract/targets";
import { Alert, App, Button, InputNumber, Space, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../shared/i18n/i18n";
import { type DataCoverage, useSetMonthCoverage } from "../api/dashboard-api";

/** A threshold in thousandths as people read it: 800 → "80%", 5 → "0.5%". */
function shareText(permille: number): string {
  return `${permille / 10}%`;
}

/** The sentences that say how complete the month the figures stand at is, and which month is still being reported. */
export function useCoverageTexts() {
  const t = useT();
  const monthOf = (month: MonthCoverage) => ({
    year: month.year,
    month: month.month,
    reported: month.reported,
    total: month.total,
  });
  return (coverage: DataCoverage) => ({
    line: t("dash.coverage.line", monthOf(coverage)),
    rule:
      coverage.thresholdPermille === null
        ? t("dash.coverage.ruleAll")
        : t("dash.coverage.ruleShare", { share: shareText(coverage.thresholdPermille) }),
    below: coverage.reached ? null : t("dash.coverage.below"),
    partial: coverage.partialMonth ? t("dash.coverage.partial", monthOf(coverage.partialMonth)) : null,
    partialShort: coverage.partialMonth ? t("dash.coverage.partialShort", monthOf(coverage.partialMonth)) : null,
  });
}

/** The dashboard's line on its month's completeness; the office sets the share that makes a month count. */
export function CoverageNotice({
  coverage,
  canEdit,
  onViewPartial,
}: {
  coverage: DataCoverage;
  canEdit: boolean;
  onViewPartial: (asOf: string) => void;
}) {
  const texts = useCoverageTexts()(coverage);
  const partial = coverage.partialMonth;
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }} data-testid="coverage">
      <Space wrap size="middle">
        <Typography.Text strong data-testid="coverage-line">
          {texts.line}
        </Typography.Text>
        <Typography.Text type="secondary">{texts.rule}</Typography.Text>
        {canEdit ? <ThresholdSetting permille={coverage.thresholdPermille} /> : null}
      </Space>
      {texts.below ? <Alert type="warning" showIcon title={texts.below} /> : null}
      {partial && texts.partial ? (
        <Alert
          type="info"
          showIcon
          title={<span data-testid="coverage-partial">{texts.partial}</span>}
          action={
            <PartialLink onClick={() => onViewPartial(`${partial.year}-${String(partial.month).padStart(2, "0")}`)} />
          }
        />
      ) : null}
    </Space>
  );
}

function PartialLink({ onClick }: { onClick: () => void }) {
  const t = useT();
  return (
    <Button size="small" onClick={onClick}>
      {t("dash.coverage.viewPartial")}
    </Button>
  );
}

function ThresholdSetting({ permille }: { permille: number | null }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSetMonthCoverage();
  const [percent, setPercent] = useState<number | null>((permille ?? 1000) / 10);
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{t("dash.coverage.setting")}</Typography.Text>
      <InputNumber
        size="small"
        min={0.1}
        max={100}
        step={5}
        value={percent}
        onChange={(value) => setPercent(value)}
        aria-label={t("dash.coverage.setting")}
        style={{ width: 80 }}
      />
      <Button
        size="small"
        loading={save.isPending}
        disabled={percent === null || Math.round(percent * 10) === (permille ?? 1000)}
        onClick={() =>
          percent !== null &&
          save.mutate(Math.round(percent * 10), { onSuccess: () => void message.success(t("common.saved")) })
        }
      >
        {t("common.save")}
      </Button>
    </Space>
  );
}
