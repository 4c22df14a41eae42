import { PlusOutlined } from "@ant-design/icons";
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
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useDateText } from "../../../shared/format/dates";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import {
  type DeclaredFact,
  type DeclaredFactValue,
  useConfirmDeclaredFact,
  useDeclaredFacts,
  useEnterDeclaredFact,
} from "../api/declared-facts-api";

/** The periods a fact is entered for: the year itself, its quarters or its months. */
function periodOptions(fact: DeclaredFact | undefined, t: ReturnType<typeof useT>) {
  if (fact?.period === "quarter")
    return [1, 2, 3, 4].map((quarter) => ({ value: quarter, label: t("facts.quarterN", { quarter }) }));
  if (fact?.period === "month")
    return Array.from({ length: 12 }, (_, index) => ({
      value: index + 1,
      label: t("reg.monthN", { month: index + 1 }),
    }));
  return [{ value: 0, label: t("reg.wholeYear") }];
}

function FactFormModal({
  enterpriseId,
  facts,
  open,
  selfReport,
  onClose,
}: {
  enterpriseId: number;
  facts: DeclaredFact[];
  open: boolean;
  selfReport: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const localized = useLocalizedText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ fact: string; year: number; period: number; value: string }>();
  const enter = useEnterDeclaredFact(enterpriseId);
  const factId = Form.useWatch("fact", form);
  const fact = facts.find((candidate) => candidate.id === factId);
  const unitWords = (candidate: DeclaredFact | undefined) =>
    candidate === undefined
      ? ""
      : candidate.measure === "money"
        ? t("facts.yuan")
        : candidate.measure === "quantity"
          ? localized(candidate.unitName ?? "", candidate.unitNameEn)
          : candidate.measure === "count"
            ? t("facts.count")
            : "";
  const submit = async () => {
    const values = await form.validateFields();
    enter.mutate(
      { ...values, value: String(values.value) },
      {
        onSuccess: () => {
          void message.success(selfReport ? t("reg.selfReportSaved") : t("common.saved"));
          form.resetFields();
          onClose();
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t("facts.enter")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={enter.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ fact: facts[0]?.id, year: new Date().getFullYear() - 1, period: 0 }}
        onValuesChange={(changed) => {
          if ("fact" in changed)
            form.setFieldsValue({
              period: periodOptions(
                facts.find((f) => f.id === changed.fact),
                t,
              )[0]?.value,
              value: undefined,
            });
        }}
      >
        <Form.Item name="fact" label={t("facts.fact")} rules={[{ required: true }]}>
          <Select
            options={facts.map((candidate) => ({
              value: candidate.id,
              label: localized(candidate.name, candidate.nameEn),
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label={t("figures.year")} rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
          <Form.Item name="period" label={t("facts.period")} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={periodOptions(fact, t)} />
          </Form.Item>
        </Space>
        {fact?.measure === "category" ? (
          <Form.Item
            name="value"
            label={t("figures.value")}
            rules={[{ required: true, message: t("reg.valueRequired") }]}
          >
            <Select
              options={fact.categories.map((category) => ({
                value: category.id,
                label: localized(category.name, category.nameEn),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="value"
            label={`${t("figures.value")}${unitWords(fact) ? `（${unitWords(fact)}）` : ""}`}
            rules={[
              { required: true, message: t("reg.valueRequired") },
              { pattern: /^\d+(\.\d+)?$/, message: t("reg.valueInvalid") },
            ]}
          >
            <Input style={{ width: 220 }} inputMode="decimal" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * The facts the plan declares beyond the register's own (electricity use, land area, a recognition …): this
 * enterprise's values by year and period with their sources, entered and confirmed by who supplies them.
 */
export function DeclaredFactsCard({ enterpriseId, selfReport }: { enterpriseId: number; selfReport: boolean }) {
  const t = useT();
  const localized = useLocalizedText();
  const dateText = useDateText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const declared = useDeclaredFacts(enterpriseId);
  const confirm = useConfirmDeclaredFact(enterpriseId);
  const [entering, setEntering] = useState(false);
  const data = declared.data;
  if (data === undefined || data.facts.length === 0) return null;
  const factsById = new Map(data.facts.map((fact) => [fact.id, fact]));
  return (
    <Card
      title={t("facts.title")}
      size="small"
      extra={
        data.canEnter ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntering(true)}>
            {t("facts.enter")}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {t("facts.hint", {
          facts: data.facts
            .map((fact) => {
              const supplier = fact.suppliedBy
                ? localized(fact.suppliedBy.name, fact.suppliedBy.nameEn)
                : t("facts.office");
              return `${localized(fact.name, fact.nameEn)}（${supplier}）`;
            })
            .join(t("facts.separator")),
        })}
      </Typography.Paragraph>
      <Table<DeclaredFactValue>
        rowKey={(value) => `${value.fact}-${value.year}-${value.period}`}
        size="small"
        dataSource={data.values}
        scroll={{ x: 760 }}
        pagination={data.values.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t("common.noData") }}
        columns={[
          {
            title: t("facts.fact"),
            key: "fact",
            width: 160,
            render: (_: unknown, value) => {
              const fact = factsById.get(value.fact);
              return fact ? localized(fact.name, fact.nameEn) : "";
            },
          },
          {
            title: t("facts.period"),
            key: "period",
            width: 130,
            render: (_: unknown, value) => localized(value.periodLabel, value.periodLabelEn),
          },
          {
            title: t("figures.value"),
            key: "value",
            align: "right" as const,
            width: 180,
            render: (_: unknown, value) => localized(value.shown, value.shownEn),
          },
          {
            title: t("figures.source"),
            key: "source",
            render: (_: unknown, value) => (
              <Space size={4} wrap>
                {t(`facts.source.${value.sourceKind}`)}
                {value.sourceRef ? <Typography.Text type="secondary">{value.sourceRef}</Typography.Text> : null}
                {value.confirmed ? (
                  <Tag color="blue">{t("facts.confirmed")}</Tag>
                ) : (
                  <Tag color="gold">{t("facts.unconfirmed")}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t("reg.recordedAt"),
            dataIndex: "recordedAt",
            width: 160,
            render: (at?: string) => dateText(at, "minute"),
          },
          ...(data.canConfirm
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 90,
                  render: (_: unknown, value: DeclaredFactValue) =>
                    value.confirmed ? null : (
                      <Popconfirm
                        title={t("facts.confirmQuestion")}
                        onConfirm={() =>
                          confirm.mutate(
                            { fact: value.fact, year: value.year, period: value.period },
                            {
                              onSuccess: () => void message.success(t("reg.confirmed")),
                              onError: (error) => void message.error(errorText(error)),
                            },
                          )
                        }
                      >
                        <Button size="small" type="link">
                          {t("facts.confirm")}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FactFormModal
        enterpriseId={enterpriseId}
        facts={data.facts}
        open={entering}
        selfReport={selfReport}
        onClose={() => setEntering(false)}
      />
    </Card>
  );
}
