import { Button, Card, Checkbox, Col, Form, Input, InputNumber, message, Row, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useT } from "../../../shared/i18n/i18n";
import { type TargetInputs, useSaveInvestment, useSaveOnlineServices, useTargetInputs } from "../api/targets-api";

type ServiceItem = TargetInputs["onlineServices"][number];

/** The office keeps here what the register cannot answer: yearly fixed-asset investment (T-M5) and the service items (T-M9). */
export function TargetInputsCard() {
  const t = useT();
  const inputs = useTargetInputs();
  const saveInvestment = useSaveInvestment();
  const saveServices = useSaveOnlineServices();
  const errorText = useErrorText();
  const [items, setItems] = useState<ServiceItem[]>([]);
  const [form] = Form.useForm<{ year: number; totalYuan: string; manufacturingYuan: string }>();

  useEffect(() => {
    if (inputs.data) setItems(inputs.data.onlineServices);
  }, [inputs.data]);

  const submitInvestment = (values: { year: number; totalYuan: string; manufacturingYuan: string }) =>
    saveInvestment.mutate(
      { year: values.year, totalYuan: values.totalYuan.trim(), manufacturingYuan: values.manufacturingYuan.trim() },
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
                render: (v: string) => formatFenForDisplay(v),
              },
              {
                title: t("targets.investmentManufacturing"),
                dataIndex: "manufacturingFen",
                render: (v: string) => formatFenForDisplay(v),
              },
            ]}
          />
          <Form form={form} layout="vertical" style={{ marginTop: 12 }} onFinish={submitInvestment}>
            <Space wrap align="end">
              <Form.Item name="year" label={t("targets.year")} rules={[{ required: true }]}>
                <InputNumber min={1990} max={2100} />
              </Form.Item>
              <Form.Item
                name="totalYuan"
                label={t("targets.investmentTotal")}
                rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}
              >
                <Input inputMode="decimal" />
              </Form.Item>
              <Form.Item
                name="manufacturingYuan"
                label={t("targets.investmentManufacturing")}
                rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}
              >
                <Input inputMode="decimal" />
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
