import { Button, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../../shared/components/export-button";
import { FormModal } from "../../../shared/components/form-modal";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import {
  FEE_ITEM_STATUSES,
  type FeeItem,
  type FeeItemInput,
  useFeeItems,
  useFeeVersions,
  usePublishFeeList,
  useSaveFeeItem,
} from "../api/fees-api";
import { datesInOrder, feeLabel } from "./fee-labels";

export function ItemsTab() {
  const t = useT();
  const items = useFeeItems();
  const versions = useFeeVersions();
  const [editing, setEditing] = useState<FeeItem | "new" | null>(null);
  const [publishing, setPublishing] = useState(false);
  const canManage = items.data?.canManage === true;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        {canManage ? (
          <>
            <Button type="primary" onClick={() => setEditing("new")}>
              {t("fee.add")}
            </Button>
            <Button onClick={() => setPublishing(true)}>{t("fee.publish")}</Button>
          </>
        ) : null}
        <ExportButton path="/api/fees/items/export" fileName="涉企收费项目.xlsx" label={t("fee.export")} />
      </Space>
      <QueryBoundary isPending={items.isPending} error={items.error}>
        {() => (
          <Table<FeeItem>
            rowKey="id"
            size="small"
            scroll={{ x: 900 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={items.data?.items ?? []}
            locale={{ emptyText: t("fee.noItems") }}
            columns={[
              {
                title: t("fee.name"),
                dataIndex: "name",
                render: (name: string, item) => (
                  <>
                    {name} {item.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                  </>
                ),
              },
              { title: t("fee.chargingUnit"), dataIndex: "chargingUnit" },
              { title: t("fee.standard"), dataIndex: "standard" },
              { title: t("fee.legalBasis"), dataIndex: "legalBasis", ellipsis: true },
              {
                title: t("fee.effective"),
                render: (_, item) => `${item.effectiveFrom} – ${item.effectiveTo ?? t("fee.openEnded")}`,
              },
              {
                title: t("fee.status"),
                dataIndex: "status",
                render: (status: string) => (
                  <Tag color={status === "active" ? "green" : undefined}>{t(feeLabel("fee.status", status))}</Tag>
                ),
              },
              ...(canManage
                ? [
                    {
                      title: t("fee.actions"),
                      render: (_: unknown, item: FeeItem) => (
                        <Button size="small" onClick={() => setEditing(item)}>
                          {t("fee.edit")}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryBoundary>
      <Typography.Title level={5}>{t("fee.versions")}</Typography.Title>
      <QueryBoundary isPending={versions.isPending} error={versions.error}>
        {() => (
          <Table
            rowKey="number"
            size="small"
            scroll={{ x: 520 }}
            pagination={false}
            dataSource={versions.data?.versions ?? []}
            columns={[
              {
                title: t("fee.version", { number: "" }).trim(),
                dataIndex: "number",
                render: (number: number) => <a href={`/fees?version=${number}`}>{t("fee.version", { number })}</a>,
              },
              { title: t("fee.publishedOn"), dataIndex: "publishedOn" },
              { title: t("fee.itemCount"), dataIndex: "itemCount" },
              { title: t("fee.note"), dataIndex: "note" },
            ]}
          />
        )}
      </QueryBoundary>
      {editing !== null ? (
        <ItemModal item={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {publishing ? (
        <PublishModal
          count={(items.data?.items ?? []).filter((item) => item.status === "active").length}
          next={(versions.data?.versions[0]?.number ?? 0) + 1}
          onClose={() => setPublishing(false)}
        />
      ) : null}
    </Space>
  );
}

function ItemModal({ item, onClose }: { item: FeeItem | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<FeeItemInput>();
  const save = useSaveFeeItem();
  const required = (field: string) => [{ required: true, whitespace: true, message: t("fee.required", { field }) }];
  return (
    <FormModal
      form={form}
      title={item ? t("fee.editItem") : t("fee.add")}
      okText={t("fee.save")}
      saving={save.isPending}
      width={640}
      onClose={onClose}
      save={async (values) => {
        await save.mutateAsync({ id: item?.id ?? null, input: { ...values, effectiveTo: values.effectiveTo || null } });
        return t("fee.saved");
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          item
            ? {
                name: item.name,
                chargingUnit: item.chargingUnit,
                legalBasis: item.legalBasis,
                standard: item.standard,
                effectiveFrom: item.effectiveFrom,
                effectiveTo: item.effectiveTo ?? "",
                status: item.status,
              }
            : { status: "active" }
        }
      >
        <Form.Item name="name" label={t("fee.name")} rules={required(t("fee.name"))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="chargingUnit" label={t("fee.chargingUnit")} rules={required(t("fee.chargingUnit"))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t("fee.legalBasis")} rules={required(t("fee.legalBasis"))}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="standard" label={t("fee.standard")} rules={required(t("fee.standard"))}>
          <Input maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="effectiveFrom" label={t("fee.effectiveFrom")} rules={required(t("fee.effectiveFrom"))}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="effectiveTo"
            label={`${t("fee.effectiveTo")}${t("fee.optional")}`}
            dependencies={["effectiveFrom"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  datesInOrder(getFieldValue("effectiveFrom"), value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("fee.datesOrder"))),
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="status" label={t("fee.status")}>
          <Select
            aria-label={t("fee.status")}
            options={FEE_ITEM_STATUSES.map((status) => ({ value: status, label: t(feeLabel("fee.status", status)) }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function PublishModal({ count, next, onClose }: { count: number; next: number; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ note: string }>();
  const publish = usePublishFeeList();
  return (
    <FormModal
      form={form}
      title={t("fee.publishTitle")}
      okText={t("fee.publish")}
      saving={publish.isPending}
      onClose={onClose}
      save={async (values) => t("fee.published", { number: (await publish.mutateAsync(values)).number })}
    >
      <Typography.Paragraph>{t("fee.publishHint", { count, number: next })}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t("fee.publishNote")}
          rules={[{ required: true, whitespace: true, message: t("fee.required", { field: t("fee.publishNote") }) }]}
        >
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
