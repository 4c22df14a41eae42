import { App, Button, Card, InputNumber, Radio, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import {
  useMonitoringSettings,
  useRecompute,
  useSaveMonitoringSettings,
  useWarnings,
  type Warning,
} from "../api/monitoring-api";

/** "0.1500" → "15.00%" without a float. */
function percent(share: string): string {
  const [whole = "0", fraction = ""] = share.split(".");
  const digits = `${fraction}0000`.slice(0, 4);
  const value = `${Number(whole) * 100 + Number(digits.slice(0, 2))}.${digits.slice(2, 4)}`;
  return `${value}%`;
}

/** M10: key enterprises whose monthly revenue fell against last year's month by more than the set share. */
export function MonitoringPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser().data;
  const isOffice = user?.role === "office";
  const [status, setStatus] = useState<"open" | "resolved" | undefined>("open");
  const warnings = useWarnings(status);
  const settings = useMonitoringSettings();
  const save = useSaveMonitoringSettings();
  const recompute = useRecompute();
  const [sharePercent, setSharePercent] = useState<number | null>(null);
  useEffect(() => {
    if (settings.data) setSharePercent(Number(settings.data.revenueDropShare) * 100);
  }, [settings.data]);

  const saveShare = () => {
    if (sharePercent === null) return;
    // Percent with up to two decimals → a share with up to four, built from text (no float arithmetic on the result).
    const [whole = "0", fraction = ""] = sharePercent.toFixed(2).split(".");
    const hundredths = Number(whole) * 100 + Number(fraction);
    const share = `${Math.floor(hundredths / 10000)}.${String(hundredths % 10000).padStart(4, "0")}`;
    save.mutate(share, {
      onSuccess: (result) => void message.success(t("mon.recomputed", result)),
      onError: (error) => void message.error(errorText(error)),
    });
  };

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("mon.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("mon.explain", { share: settings.data ? percent(settings.data.revenueDropShare) : "10%" })}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16, width: "100%", justifyContent: "space-between" }}>
        <Radio.Group
          value={status ?? "all"}
          optionType="button"
          onChange={(event) => setStatus(event.target.value === "all" ? undefined : event.target.value)}
          options={[
            { value: "open", label: t("mon.open") },
            { value: "resolved", label: t("mon.resolved") },
            { value: "all", label: t("mon.all") },
          ]}
        />
        <Space wrap>
          {isOffice ? (
            <>
              <span>{t("mon.threshold")}</span>
              <InputNumber
                aria-label={t("mon.threshold")}
                min={0.01}
                max={100}
                step={1}
                precision={2}
                suffix="%"
                value={sharePercent}
                onChange={(value) => setSharePercent(typeof value === "number" ? value : null)}
              />
              <Button onClick={saveShare} loading={save.isPending}>
                {t("common.save")}
              </Button>
              <Button
                onClick={() =>
                  recompute.mutate(undefined, {
                    onSuccess: (result) => void message.success(t("mon.recomputed", result)),
                    onError: (error) => void message.error(errorText(error)),
                  })
                }
                loading={recompute.isPending}
              >
                {t("mon.recompute")}
              </Button>
            </>
          ) : null}
          <ExportButton path="/api/monitoring/warnings/export" params={{ status }} fileName="重点企业监测预警.xlsx" />
        </Space>
      </Space>
      <QueryBoundary isPending={warnings.isPending} error={warnings.error}>
        {() => (
          <Table<Warning>
            rowKey="id"
            size="middle"
            dataSource={warnings.data?.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t("enterprises.name"),
                key: "enterprise",
                render: (_, w) => <Link to={`/enterprises/${w.enterprise.id}`}>{w.enterprise.name}</Link>,
              },
              {
                title: t("mon.period"),
                key: "period",
                width: 110,
                render: (_, w) => `${w.year}-${String(w.month).padStart(2, "0")}`,
              },
              {
                title: t("mon.current"),
                key: "current",
                align: "right" as const,
                render: (_, w) => formatFenForDisplay(w.currentFen, "万元"),
              },
              {
                title: t("mon.previous"),
                key: "previous",
                align: "right" as const,
                render: (_, w) => formatFenForDisplay(w.previousFen, "万元"),
              },
              {
                title: t("mon.drop"),
                key: "drop",
                align: "right" as const,
                render: (_, w) => <Typography.Text type="danger">-{percent(w.dropShare)}</Typography.Text>,
              },
              { title: t("reg.leader"), key: "leader", render: (_, w) => w.leader?.name ?? "—" },
              {
                title: t("mon.status"),
                dataIndex: "status",
                width: 100,
                render: (value: string) => (
                  <Tag color={value === "open" ? "red" : "default"}>
                    {value === "open" ? t("mon.open") : t("mon.resolved")}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}
