import { App, Button, Card, DatePicker, Form, Modal, Select, Space, Switch, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import {
  type AwardWorkflowView,
  type ObjectionView,
  type PublicityView,
  useBatches,
  useObjections,
  usePublicities,
  usePublish,
} from "../api/rewards-api";
import { ObjectionDecision } from "./objection-decision";
import { AmountText, ObjectionStatusTag, PublicityStateTag, StatusTag } from "./reward-labels";

/** The publicity step of the plan's workflow: what has been listed in public, and the objections to handle. */
export function PublicityPanel({
  step,
  isOffice,
  onOpen,
}: {
  step: AwardWorkflowView["steps"][number];
  isOffice: boolean;
  onOpen: (entitlementId: number) => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const publicities = usePublicities();
  const [openOnly, setOpenOnly] = useState(true);
  const objections = useObjections(openOnly ? "open" : undefined);
  const [publishing, setPublishing] = useState(false);
  const dateTime = (at: string) => new Date(at).toLocaleString(language === "en" ? "en-GB" : "zh-CN");
  return (
    <Card
      title={`${t("rw.publicityPanel")} · ${localized(step.name, step.nameEn)}`}
      style={{ marginBottom: 16 }}
      extra={
        isOffice && (
          <Button type="primary" onClick={() => setPublishing(true)}>
            {t("rw.publish")}
          </Button>
        )
      }
    >
      <QueryBoundary isPending={publicities.isPending} error={publicities.error}>
        {() => (
          <Table<PublicityView>
            rowKey="id"
            scroll={{ x: "max-content" }}
            size="small"
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            locale={{ emptyText: t("rw.noPublicities") }}
            dataSource={publicities.data ?? []}
            columns={[
              { title: t("rw.year"), dataIndex: "year", width: 70 },
              {
                title: t("rw.publicity"),
                render: (_, row) => (
                  <Space size={4} wrap>
                    {t("rw.publicityPeriod", { start: row.startsOn, end: row.endsOn })}
                    <PublicityStateTag state={row.state} />
                  </Space>
                ),
              },
              { title: t("rw.itemCount"), dataIndex: "itemCount", width: 80 },
              {
                title: t("rw.openObjections"),
                render: (_, row) => `${row.openObjectionCount} / ${row.objectionCount}`,
                width: 110,
              },
              {
                title: t("rw.publicPage"),
                render: (_, row) => (
                  <a href={`/public/rewards?id=${row.id}`} target="_blank" rel="noreferrer">
                    {t("rw.publicPage")}
                  </a>
                ),
              },
            ]}
          />
        )}
      </QueryBoundary>
      <Space style={{ margin: "16px 0 8px" }}>
        <Typography.Text strong>{t("rw.objections")}</Typography.Text>
        <Switch
          aria-label={t("rw.openOnly")}
          checked={openOnly}
          onChange={setOpenOnly}
          checkedChildren={t("rw.openOnly")}
          unCheckedChildren={t("rw.allObjections")}
        />
      </Space>
      <QueryBoundary isPending={objections.isPending} error={objections.error}>
        {() => (
          <Table<ObjectionView>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={objections.data ?? []}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t("rw.enterprise"),
                render: (_, row) => (
                  <Button type="link" style={{ padding: 0, height: "auto" }} onClick={() => onOpen(row.entitlementId)}>
                    {row.enterpriseName}
                  </Button>
                ),
              },
              {
                title: t("rw.rule"),
                render: (_, row) => (
                  <span>
                    {localized(row.ruleName, row.ruleNameEn)} · <AmountText fen={row.amountFen} />
                  </span>
                ),
              },
              {
                title: t("rw.objectionContent"),
                render: (_, row) => <div style={{ whiteSpace: "pre-wrap", maxWidth: 360 }}>{row.content}</div>,
              },
              ...(isOffice
                ? [
                    {
                      title: t("rw.objector"),
                      render: (_: unknown, row: ObjectionView) => (
                        <span>
                          {row.name ?? t("rw.anonymous")}
                          <br />
                          <Typography.Text type="secondary">{row.contact}</Typography.Text>
                        </span>
                      ),
                    },
                  ]
                : []),
              { title: t("rw.filedAt"), render: (_, row) => dateTime(row.filedAt), width: 170 },
              {
                title: t("rw.status"),
                render: (_, row) => (
                  <Space direction="vertical" size={2}>
                    <ObjectionStatusTag status={row.status} />
                    <StatusTag status={row.entitlementStatus} />
                    {row.resolution && <Typography.Text type="secondary">{row.resolution}</Typography.Text>}
                  </Space>
                ),
              },
              ...(isOffice
                ? [
                    {
                      title: t("common.actions"),
                      render: (_: unknown, row: ObjectionView) =>
                        row.status === "open" ? <ObjectionDecision objection={row} /> : null,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryBoundary>
      {isOffice && <PublishModal open={publishing} days={step.days ?? 0} onClose={() => setPublishing(false)} />}
    </Card>
  );
}

/** Publishing a batch's rewards that wait for the publicity, from a day chosen (today by default). */
function PublishModal({ open, days, onClose }: { open: boolean; days: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const batches = useBatches();
  const publish = usePublish();
  const [form] = Form.useForm<{ batchId: number; startsOn: Dayjs }>();
  const done = (batches.data ?? []).filter((batch) => batch.status === "done");
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const published = await publish.mutateAsync({
        batchId: values.batchId,
        startsOn: values.startsOn.format("YYYY-MM-DD"),
      });
      message.success(t("rw.published", { start: published.startsOn, end: published.endsOn }));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t("rw.publishTitle")}
      onCancel={onClose}
      onOk={submit}
      okText={t("rw.publish")}
      cancelText={t("common.cancel")}
      confirmLoading={publish.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("rw.publishHint", { days })}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="batchId"
          label={t("rw.publishBatch")}
          initialValue={done[0]?.id}
          rules={[{ required: true, message: t("rw.required") }]}
        >
          <Select
            options={done.map((batch) => ({
              value: batch.id,
              label: t("rw.batchOption", {
                year: batch.year,
                id: batch.id,
                date: batch.computedAt.slice(0, 10),
              }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label={t("rw.publishStart")}
          initialValue={dayjs()}
          rules={[{ required: true, message: t("rw.required") }]}
        >
          <DatePicker disabledDate={(day) => day.isBefore(dayjs(), "day")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
