import { PLACE_UNIT_KINDS, UNIT_KINDS, type UnitKind } from "@beizeng/domain/plan/vocabulary";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../../shared/api/client";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import { type Unit, type UnitAnswer, useCreateUnit, useUnitList, useUpdateUnit } from "../api/units-api";

interface UnitFormValues {
  /** Left empty on a new place: the server chooses one. */
  code?: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  active: boolean;
  /** Why: the reason of the plan version the change is saved as. */
  reason: string;
}

export function UnitsPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnitList();
  const expectedCurrent = units.data?.plan?.expectedCurrent;
  const createUnit = useCreateUnit();
  const updateUnit = useUpdateUnit();
  const [form] = Form.useForm<UnitFormValues>();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Unit | null>(null);
  const mutation = editing ? updateUnit : createUnit;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        code: editing.code,
        name: editing.name,
        nameEn: editing.nameEn,
        kind: editing.kind,
        active: editing.active,
      });
    } else {
      form.setFieldsValue({ kind: "town", active: true });
    }
  }, [open, editing, form]);

  const openForm = (unit: Unit | null) => {
    createUnit.reset();
    updateUnit.reset();
    setEditing(unit);
    setOpen(true);
  };

  const done = (answer: UnitAnswer) => {
    setOpen(false);
    const saved = answer.plan && answer.plan.expectedCurrent !== expectedCurrent;
    void message.success(
      saved ? t("units.savedAsVersion", { version: answer.plan?.version ?? "" }) : t("units.unchanged"),
    );
  };

  /** Another office saved a version meanwhile: show the latest units, keep the form for a second try. */
  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.code === "plan_changed") {
      void queryClient.invalidateQueries().then(() => message.info(t("units.refreshed")));
    }
  };

  const finish = (values: UnitFormValues) => {
    if (editing) {
      updateUnit.mutate(
        {
          id: editing.id,
          name: values.name,
          nameEn: values.nameEn,
          // Only a place may change kind (a town becoming a street); other kinds are the plan's.
          ...(values.kind !== editing.kind ? { kind: values.kind } : {}),
          ...(values.active !== editing.active ? { active: values.active } : {}),
          reason: values.reason,
          ...(expectedCurrent ? { expectedCurrent } : {}),
        },
        { onSuccess: done, onError: failed },
      );
    } else {
      const code = values.code?.trim();
      createUnit.mutate(
        {
          ...(code ? { code } : {}),
          name: values.name,
          nameEn: values.nameEn,
          kind: values.kind,
          reason: values.reason,
          ...(expectedCurrent ? { expectedCurrent } : {}),
        },
        { onSuccess: done, onError: failed },
      );
    }
  };

  return (
    <Card>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("units.title")}
        </Typography.Title>
        <Space wrap>
          <ExportButton path="/api/units/export" fileName="单位列表.xlsx" />
          <Button type="primary" onClick={() => openForm(null)}>
            {t("units.create")}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        {t("units.hint")}
        {units.data?.plan ? (
          <>
            {" "}
            <Tag>{t("units.planVersion", { version: units.data.plan.version })}</Tag>
          </>
        ) : null}
      </Typography.Paragraph>
      <QueryBoundary isPending={units.isPending} error={units.error}>
        {() => (
          <Table<Unit>
            rowKey="id"
            scroll={{ x: "max-content" }}
            size="middle"
            dataSource={units.data?.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t("units.code"), dataIndex: "code", width: 180 },
              { title: t("units.name"), dataIndex: "name" },
              { title: t("units.nameEn"), dataIndex: "nameEn" },
              {
                title: t("units.kind"),
                dataIndex: "kind",
                width: 120,
                filters: UNIT_KINDS.map((kind) => ({
                  text: t(`unitKind.${kind}`),
                  value: kind,
                })),
                onFilter: (value, unit) => unit.kind === value,
                render: (kind: Unit["kind"]) => t(`unitKind.${kind}`),
              },
              {
                title: t("units.active"),
                dataIndex: "active",
                width: 100,
                render: (active: boolean) =>
                  active ? <Tag color="green">{t("units.activeYes")}</Tag> : <Tag>{t("units.activeNo")}</Tag>,
              },
              {
                title: t("common.actions"),
                key: "actions",
                width: 100,
                render: (_, unit) =>
                  unit.editable ? (
                    <Button type="link" onClick={() => openForm(unit)}>
                      {t("common.edit")}
                    </Button>
                  ) : (
                    <Typography.Text type="secondary">{t("units.fixed")}</Typography.Text>
                  ),
              },
            ]}
          />
        )}
      </QueryBoundary>
      <Modal
        open={open}
        title={editing ? t("units.editTitle", { name: editing.name }) : t("units.createTitle")}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {mutation.error ? (
          <Alert type="error" showIcon role="alert" title={errorText(mutation.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<UnitFormValues> form={form} name="unit" layout="vertical" onFinish={finish}>
          <Form.Item
            label={t("units.code")}
            name="code"
            extra={editing ? undefined : t("units.codeOptional")}
            rules={[{ pattern: /^[a-z][a-z0-9-]{1,39}$/, message: t("units.codeHint") }]}
          >
            <Input disabled={Boolean(editing)} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t("units.name")} name="name" rules={[{ required: true, message: t("units.nameRequired") }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            label={t("units.nameEn")}
            name="nameEn"
            rules={[{ required: true, message: t("units.nameEnRequired") }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t("units.kind")} name="kind" rules={[{ required: true }]}>
            <Select
              disabled={editing !== null && !PLACE_UNIT_KINDS.includes(editing.kind)}
              options={PLACE_UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))}
            />
          </Form.Item>
          {editing ? (
            <Form.Item label={t("units.active")} name="active" valuePropName="checked" extra={t("units.activeHint")}>
              <Switch />
            </Form.Item>
          ) : null}
          <Form.Item
            label={t("units.reason")}
            name="reason"
            extra={t("units.reasonHint")}
            rules={[{ required: true, whitespace: true, message: t("units.reasonRequired") }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
