import { amountInUnit, formatYuan, parseAmountInUnit } from "@beizeng/domain/money";
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, message, Row, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { toFen } from "../../../shared/format/numbers";
import { useT } from "../../../shared/i18n/i18n";
import { type TargetInputs, useSaveInvestment, useSaveOnlineServices, useTargetInputs } from "../api/targets-api";

type ServiceItem = TargetInputs["onlineServices"][number];

/** Amounts are entered in 万元: up to six decimals, so that one fen is the finest step. */
const WAN_TEXT = /^\d+(\.\d{1,6})?$/;

/** 万元 text → yuan text for the API, by exact integer arithmetic (the text is checked by WAN_TEXT first). */
export function wanTextToYuanText(wan: string): string {
  return formatYuan(parseAmountInUnit(wan.trim(), 10_000n));
}

/** fen → 万元 with two decimals and thousands separators, for the table whose header names the unit. */
function fenInWan(value: string): string {
  const fen = toFen(value);
  if (fen === null) return "—";
  const [whole = "", fraction = ""] = amountInUnit(fen, "万元", 2).split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}

/** The office keeps here what the register cannot answer: yearly fixed-asset investment (T-M5) and the service items (T-M9). */
export function TargetInputsCard() {
  const t = useT();
  const inputs = useTargetInputs();
  const saveInvestment = useSaveInvestment();
  const saveServices = useSaveOnlineServices();
  const errorText = useErrorText();
  const [items, setItems] = useState<ServiceItem[]>([]);
  const [form] = Form.useForm<{ year: number; totalWan: string; manufacturingWan: string }>();

  useEffect(() => {
    if (inputs.data) setItems(inputs.data.onlineServices);
  }, [inputs.data]);

  const submitInvestment = (values: { year: number; totalWan: string; manufacturingWan: string }) =>
    saveInvestment.mutate(
      {
        year: values.year,
        totalYuan: wanTextToYuanText(values.totalWan),
        manufacturingYuan: wanTextToYuanText(values.manufacturingWan),
      },
      {
        onSuccess: () => message.success(t("common.saved")),
        onError: (error) => message.error(errorText(error)),
      },
    );

  const update = (index: number, patch: Partial<ServiceItem>) =>
    setItems((list) => list.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  return (
    <Card title={t("targets.inputs")} data-testid="target-inputs">
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={10}>
          <Typography.Title level={5}>{t("targets.investment")}</Typography.Title>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={inputs.data?.investment ?? []}
            columns={[
              { title: t("targets.year"), dataIndex: "year" },
              {
                title: t("targets.investmentTotal"),
                dataIndex: "totalFen",
                align: "right" as const,
                render: fenInWan,
              },
              {
                title: t("targets.investmentManufacturing"),
                dataIndex: "manufacturingFen",
                align: "right" as const,
                render: fenInWan,
              },
            ]}
          />
          <Form form={form} layout="vertical" style={{ marginTop: 12 }} onFinish={submitInvestment}>
            <Space wrap align="end">
              <Form.Item
                name="year"
                label={t("targets.year")}
                rules={[{ required: true, message: t("targets.yearRequired") }]}
              >
                <InputNumber min={1990} max={2100} />
              </Form.Item>
              <Form.Item
                name="totalWan"
                label={t("targets.investmentTotal")}
                rules={[
                  { required: true, message: t("targets.amountRequired") },
                  { pattern: WAN_TEXT, message: t("targets.amountInWan") },
                ]}
              >
                <Input inputMode="decimal" suffix={t("money.wan")} />
              </Form.Item>
              <Form.Item
                name="manufacturingWan"
                label={t("targets.investmentManufacturing")}
                rules={[
                  { required: true, message: t("targets.amountRequired") },
                  { pattern: WAN_TEXT, message: t("targets.amountInWan") },
                ]}
              >
                <Input inputMode="decimal" suffix={t("money.wan")} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={saveInvestment.isPending}>
                  {t("targets.saveYear")}
                </Button>
              </Form.Item>
            </Space>
          </Form>
        </Col>
        <Col xs={24} xl={14}>
          <Typography.Title level={5}>{t("targets.services")}</Typography.Title>
          <Table
            size="small"
            rowKey={(_, index) => String(index)}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={items}
            columns={[
              {
                title: t("targets.serviceCode"),
                dataIndex: "code",
                width: 140,
                render: (value: string, _row, index) => (
                  <Input value={value} onChange={(e) => update(index, { code: e.target.value })} />
                ),
              },
              {
                title: t("targets.serviceName"),
                dataIndex: "name",
                render: (value: string, _row, index) => (
                  <Input value={value} onChange={(e) => update(index, { name: e.target.value })} />
                ),
              },
              {
                title: t("targets.serviceOnline"),
                dataIndex: "online",
                width: 90,
                render: (value: boolean, _row, index) => (
                  <Checkbox checked={value} onChange={(e) => update(index, { online: e.target.checked })} />
                ),
              },
              {
                title: t("common.actions"),
                width: 80,
                render: (_value, _row, index) => (
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => setItems((list) => list.filter((_, i) => i !== index))}
                  >
                    {t("targets.remove")}
                  </Button>
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => setItems((list) => [...list, { code: "", name: "", unitId: null, online: false }])}>
              {t("targets.addService")}
            </Button>
            <Button
              type="primary"
              loading={saveServices.isPending}
              onClick={() =>
                saveServices.mutate(
                  { items },
                  {
                    onSuccess: () => message.success(t("common.saved")),
                    onError: (error) => message.error(errorText(error)),
                  },
                )
              }
            >
              {t("targets.saveServices")}
            </Button>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}
