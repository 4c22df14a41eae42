import { parseAmountInUnit } from "@beizeng/domain/money";
import { App, Button, Form, Input, InputNumber, Space, Table, Typography } from "antd";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay, formatRateAsPercent } from "../../../shared/format/numbers";
import { useT } from "../../../shared/i18n/i18n";
import { useInvestmentYears, useSaveInvestmentYear } from "../api/projects-api";

const WAN = /^\d{1,13}(\.\d{1,6})?$/;

/** The district's fixed-asset investment per year and its manufacturing part (T-M5), entered by 区统计局. */
export function InvestmentPanel() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const years = useInvestmentYears();
  const save = useSaveInvestmentYear();
  const [form] = Form.useForm<{ year: number; totalWan: string; manufacturingWan: string }>();

  const submit = async (values: { year: number; totalWan: string; manufacturingWan: string }) => {
    try {
      await save.mutateAsync({
        year: values.year,
        totalFen: parseAmountInUnit(values.totalWan.trim(), 10000n).toString(),
        manufacturingFen: parseAmountInUnit(values.manufacturingWan.trim(), 10000n).toString(),
      });
      message.success(t("common.saved"));
      form.resetFields();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <QueryBoundary isPending={years.isPending} error={years.error}>
      {() => (
        <Space direction="vertical" style={{ width: "100%" }} size={16}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t("pj.investmentHint")}
          </Typography.Paragraph>
          {years.data?.canEdit ? (
            <Form form={form} layout="inline" onFinish={submit} initialValues={{ year: new Date().getFullYear() - 1 }}>
              <Form.Item name="year" label={t("figures.year")} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} />
              </Form.Item>
              <Form.Item
                name="totalWan"
                label={t("pj.totalFixedAsset")}
                rules={[{ required: true, pattern: WAN, message: t("pj.amountInvalid") }]}
              >
                <Input suffix={t("money.wan")} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item
                name="manufacturingWan"
                label={t("pj.manufacturingInvestment")}
                rules={[{ required: true, pattern: WAN, message: t("pj.amountInvalid") }]}
              >
                <Input suffix={t("money.wan")} style={{ width: 180 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t("common.save")}
              </Button>
            </Form>
          ) : null}
          <Table
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={years.data?.items}
            columns={[
              { title: t("figures.year"), dataIndex: "year", width: 90 },
              {
                title: t("pj.totalFixedAsset"),
                dataIndex: "totalFen",
                align: "right",
                render: (v: string) => formatFenForDisplay(v),
              },
              {
                title: t("pj.manufacturingInvestment"),
                dataIndex: "manufacturingFen",
                align: "right",
                render: (v: string) => formatFenForDisplay(v),
              },
              {
                title: t("pj.share"),
                dataIndex: "share",
                align: "right",
                render: (v: string | null) => (v ? formatRateAsPercent(v) : "—"),
              },
            ]}
          />
        </Space>
      )}
    </QueryBoundary>
  );
}
