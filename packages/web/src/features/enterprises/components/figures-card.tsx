import { PlusOutlined } from "@ant-design/icons";
import type { MoneyUnit } from "@beizeng/contract/figures";
import { ENTRY_METRICS } from "@beizeng/domain/register/vocabulary";
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { useDateText } from "../../../shared/format/dates";
import { formatFigureValue, isMoneyMetric } from "../../../shared/format/metrics";
import { useCodeLabel, useT } from "../../../shared/i18n/i18n";
import type { EnterpriseDetail, Figure } from "../api/enterprises-api";
import { useConfirmFigure, useEnterFigure } from "../api/register-api";

function FigureTable({ figures, monthly, canConfirm }: { figures: Figure[]; monthly: boolean; canConfirm: boolean }) {
  const t = useT();
  const dateText = useDateText();
  const codeLabel = useCodeLabel();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const confirm = useConfirmFigure();
  const rows = figures
    .filter((figure) => (monthly ? figure.month > 0 : figure.month === 0))
    .sort((a, b) => b.year - a.year || b.month - a.month || a.metric.localeCompare(b.metric) || a.id - b.id);
  return (
    <Table<Figure>
      rowKey="id"
      size="small"
      dataSource={rows}
      scroll={{ x: 900 }}
      pagination={rows.length > 24 ? { pageSize: 24, showSizeChanger: false } : false}
      columns={[
        { title: t("figures.year"), dataIndex: "year", width: 70 },
        ...(monthly ? [{ title: t("figures.month"), dataIndex: "month", width: 60 }] : []),
        { title: t("figures.metric"), dataIndex: "metric", width: 120, render: (m: string) => codeLabel("metric", m) },
        {
          title: t("figures.value"),
          key: "value",
          align: "right" as const,
          width: 140,
          render: (_: unknown, figure: Figure) => (
            <Typography.Text delete={Boolean(figure.supersededBy)} type={figure.supersededBy ? "secondary" : undefined}>
              {formatFigureValue(figure.metric, figure.value)}
            </Typography.Text>
          ),
        },
        {
          title: t("figures.source"),
          key: "source",
          render: (_: unknown, figure: Figure) => (
            <Space size={4} wrap>
              {codeLabel("sourceKind", figure.sourceKind)}
              {figure.sourceRef ? <Typography.Text type="secondary">{figure.sourceRef}</Typography.Text> : null}
              {figure.official ? (
                <Tag color="blue">{t("figures.official")}</Tag>
              ) : (
                <Tag color="gold">{t("reg.selfReported")}</Tag>
              )}
              {figure.supersededBy ? <Tag>{t("figures.superseded")}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t("reg.recordedAt"),
          dataIndex: "recordedAt",
          width: 170,
          render: (at?: string) => dateText(at, "minute"),
        },
        ...(canConfirm
          ? [
              {
                title: t("common.actions"),
                key: "actions",
                width: 90,
                render: (_: unknown, figure: Figure) =>
                  !figure.official && !figure.supersededBy ? (
                    <Popconfirm
                      title={t("reg.confirmFigureQuestion")}
                      onConfirm={() =>
                        confirm.mutate(figure.id, {
                          onSuccess: () => void message.success(t("reg.confirmed")),
                          onError: (error) => void message.error(errorText(error)),
                        })
                      }
                    >
                      <Button size="small" type="link">
                        {t("reg.confirmFigure")}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}

function FigureFormModal({
  enterpriseId,
  open,
  selfReport,
  onClose,
}: {
  enterpriseId: number;
  open: boolean;
  selfReport: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; month: number; metric: string; value: string; unit: MoneyUnit }>();
  const enter = useEnterFigure(enterpriseId);
  const metric = Form.useWatch("metric", form);
  const submit = async () => {
    const values = await form.validateFields();
    enter.mutate(
      { ...values, value: String(values.value), unit: isMoneyMetric(values.metric) ? values.unit : undefined },
      {
        onSuccess: (answer) => {
          void message.success(answer.official ? t("common.saved") : t("reg.selfReportSaved"));
          form.resetFields();
          onClose();
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };
  const year = new Date().getFullYear();
  return (
    <Modal
      open={open}
      title={selfReport ? t("reg.reportFigure") : t("reg.enterFigure")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={enter.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {selfReport ? t("reg.selfReportHint") : t("reg.correctionHint")}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year: year - 1, month: 0, metric: "revenue", unit: "万元" }}>
        <Space wrap>
          <Form.Item name="year" label={t("figures.year")} rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
          <Form.Item name="month" label={t("figures.month")} rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: 0, label: t("reg.wholeYear") },
                ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t("reg.monthN", { month: i + 1 }) })),
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item name="metric" label={t("figures.metric")} rules={[{ required: true }]}>
          <Select options={ENTRY_METRICS.map((m) => ({ value: m, label: t(`metric.${m}`) }))} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            name="value"
            label={t("figures.value")}
            rules={[
              { required: true, message: t("reg.valueRequired") },
              { pattern: /^\d+(\.\d+)?$/, message: t("reg.valueInvalid") },
            ]}
          >
            <Input style={{ width: 200 }} inputMode="decimal" />
          </Form.Item>
          {isMoneyMetric(metric ?? "revenue") ? (
            <Form.Item name="unit" label={t("imp.unit")}>
              <Select style={{ width: 100 }} options={["元", "千元", "万元"].map((u) => ({ value: u, label: u }))} />
            </Form.Item>
          ) : (
            <Form.Item label=" ">
              <Typography.Text>{t("measure.person")}</Typography.Text>
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}

/** Annual and monthly figures with source, time and corrections; entry and confirmation by who may. */
export function FiguresCard({
  enterprise,
  canEnter,
  selfReport,
  canConfirm,
}: {
  enterprise: EnterpriseDetail;
  canEnter: boolean;
  selfReport: boolean;
  canConfirm: boolean;
}) {
  const t = useT();
  const [entering, setEntering] = useState(false);
  const pending = enterprise.figures.filter((f) => !f.official && !f.supersededBy).length;
  return (
    <Card
      title={
        <Space>
          {t("enterprises.figures")}
          {pending > 0 ? (
            <Tooltip title={t("reg.pendingHint")}>
              <Tag color="gold">{t("reg.pending", { count: pending })}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      }
      size="small"
      extra={
        <Space>
          <ExportButton
            path={`/api/enterprises/${enterprise.id}/figures/export`}
            fileName={`${enterprise.name}经营数据.xlsx`}
          />
          {canEnter ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntering(true)}>
              {selfReport ? t("reg.reportFigure") : t("reg.enterFigure")}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: "annual",
            label: t("figures.annual"),
            children: <FigureTable figures={enterprise.figures} monthly={false} canConfirm={canConfirm} />,
          },
          {
            key: "monthly",
            label: t("figures.monthly"),
            children: <FigureTable figures={enterprise.figures} monthly canConfirm={canConfirm} />,
          },
        ]}
      />
      <FigureFormModal
        enterpriseId={enterprise.id}
        open={entering}
        selfReport={selfReport}
        onClose={() => setEntering(false)}
      />
    </Card>
  );
}
