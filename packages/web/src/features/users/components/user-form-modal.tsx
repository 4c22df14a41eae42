import { Alert, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { meetsPasswordPolicy } from "../../auth";
import { useEnterprises } from "../../enterprises";
import { useUnits } from "../../units";
import { ROLES, type UserAccount, type UserCreate } from "../api/users-api";

interface UserFormValues {
  username: string;
  password?: string;
  displayName: string;
  role: (typeof ROLES)[number];
  unitId?: number;
  enterpriseId?: number;
}

/** Creates an account (editing = null) or edits one's name, role, unit and enterprise. */
export function UserFormModal({
  open,
  editing,
  submitting,
  error,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  editing: UserAccount | null;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: UserCreate) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const localized = useLocalizedText();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch("role", form);
  const [enterpriseSearch, setEnterpriseSearch] = useState("");
  const units = useUnits({ enabled: open });
  const enterprises = useEnterprises(
    { q: enterpriseSearch || undefined, page: 1, pageSize: 50 },
    { enabled: open && role === "enterprise" },
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        username: editing.username,
        displayName: editing.displayName,
        // The office's list holds its district's accounts only, never a region's.
        role: editing.role === "region" ? undefined : editing.role,
        unitId: editing.unit?.id,
        enterpriseId: editing.enterprise?.id,
      });
    }
  }, [open, editing, form]);

  const enterpriseOptions = (enterprises.data?.items ?? []).map((enterprise) => ({
    value: enterprise.id,
    label: `${enterprise.name}（${enterprise.creditCode}）`,
  }));
  if (editing?.enterprise && !enterpriseOptions.some((option) => option.value === editing.enterprise?.id)) {
    enterpriseOptions.unshift({ value: editing.enterprise.id, label: editing.enterprise.name });
  }

  const finish = (values: UserFormValues) =>
    onSubmit({
      username: values.username,
      password: values.password ?? "",
      displayName: values.displayName,
      role: values.role,
      unitId: values.role === "unit" ? (values.unitId ?? null) : null,
      enterpriseId: values.role === "enterprise" ? (values.enterpriseId ?? null) : null,
    });

  return (
    <Modal
      open={open}
      title={editing ? t("users.editTitle", { username: editing.username }) : t("users.createTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<UserFormValues> form={form} name="user" layout="vertical" onFinish={finish}>
        <Form.Item
          label={t("users.username")}
          name="username"
          rules={[{ required: true, message: t("users.usernameRequired") }]}
        >
          <Input disabled={Boolean(editing)} autoComplete="off" />
        </Form.Item>
        {editing ? null : (
          <Form.Item
            label={t("users.initialPassword")}
            name="password"
            extra={t("users.initialPasswordHint")}
            rules={[
              { required: true, message: t("users.initialPasswordRequired") },
              {
                validator: (_rule, value: string | undefined) =>
                  !value || meetsPasswordPolicy(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("password.policyShort"))),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          label={t("users.displayName")}
          name="displayName"
          rules={[{ required: true, message: t("users.displayNameRequired") }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t("users.role")} name="role" rules={[{ required: true, message: t("users.roleRequired") }]}>
          <Select options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
        </Form.Item>
        {role === "unit" ? (
          <Form.Item
            label={t("users.unit")}
            name="unitId"
            rules={[{ required: true, message: t("users.unitRequired") }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={units.isPending}
              options={(units.data ?? []).map((unit) => ({ value: unit.id, label: localized(unit.name, unit.nameEn) }))}
            />
          </Form.Item>
        ) : null}
        {role === "enterprise" ? (
          <Form.Item
            label={t("users.enterprise")}
            name="enterpriseId"
            rules={[{ required: true, message: t("users.enterpriseRequired") }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setEnterpriseSearch }}
              loading={enterprises.isFetching}
              options={enterpriseOptions}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
