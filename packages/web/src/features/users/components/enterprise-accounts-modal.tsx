import { PLACE_UNIT_KINDS } from "@beizeng/domain/plan/vocabulary";
import {
  Alert,
  Button,
  Checkbox,
  Form,
  InputNumber,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useDateText } from "../../../shared/format/dates";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useEnterprises } from "../../enterprises";
import { usePlan } from "../../plan";
import { useUnits } from "../../units";
import {
  type CreatedAccountsFile,
  type EnterpriseAccountsPreview,
  type EnterpriseAccountsSelection,
  useCreateEnterpriseAccounts,
  usePreviewEnterpriseAccounts,
} from "../api/enterprise-accounts-api";

type Scope = "all" | "filtered" | "picked";

interface SelectionForm {
  scope: Scope;
  aboveScale?: boolean;
  key?: boolean;
  town?: number;
  chain?: string;
  enterpriseIds?: number[];
  validDays?: number | null;
}

type Planned = EnterpriseAccountsPreview["toCreate"][number];
type Skipped = EnterpriseAccountsPreview["skipped"][number];

function selectionOf(values: SelectionForm): EnterpriseAccountsSelection {
  const validDays = values.validDays ?? undefined;
  if (values.scope === "picked") return { enterpriseIds: values.enterpriseIds ?? [], validDays };
  if (values.scope === "filtered") {
    return {
      aboveScale: values.aboveScale || undefined,
      key: values.key || undefined,
      town: values.town ?? undefined,
      chain: values.chain ?? undefined,
      validDays,
    };
  }
  return { validDays };
}

/**
 * Creates enterprise accounts in bulk from the register: choose enterprises, preview what would be made (and
 * what is skipped), then create them and download their one-time activation codes.
 */
export function EnterpriseAccountsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const localized = useLocalizedText();
  const dateText = useDateText();
  const [form] = Form.useForm<SelectionForm>();
  const scope = Form.useWatch("scope", form) ?? "all";
  const [search, setSearch] = useState("");
  const [preview, setPreview] = useState<EnterpriseAccountsPreview | null>(null);
  const [done, setDone] = useState<CreatedAccountsFile | null>(null);
  const previewAccounts = usePreviewEnterpriseAccounts();
  const createAccounts = useCreateEnterpriseAccounts();
  const plan = usePlan({ enabled: open });
  const units = useUnits({ enabled: open });
  const enterprises = useEnterprises(
    { q: search || undefined, page: 1, pageSize: 50 },
    { enabled: open && scope === "picked" },
  );
  const [pickedLabels, setPickedLabels] = useState<Map<number, string>>(new Map());

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setPreview(null);
    setDone(null);
    setSearch("");
    setPickedLabels(new Map());
    previewAccounts.reset();
    createAccounts.reset();
  }, [open, form, previewAccounts.reset, createAccounts.reset]);

  const townOptions = useMemo(
    () =>
      (units.data ?? [])
        .filter((unit) => PLACE_UNIT_KINDS.some((kind) => kind === unit.kind))
        .map((unit) => ({ value: unit.id, label: localized(unit.name, unit.nameEn) })),
    [units.data, localized],
  );
  const chainOptions = useMemo(
    () => (plan.data?.chains ?? []).map((chain) => ({ value: chain.id, label: localized(chain.name, chain.nameEn) })),
    [plan.data, localized],
  );
  // The chosen enterprises stay named while the search shows others.
  const enterpriseOptions = useMemo(() => {
    const options = new Map(pickedLabels);
    for (const enterprise of enterprises.data?.items ?? []) {
      options.set(enterprise.id, `${enterprise.name}（${enterprise.creditCode}）`);
    }
    return [...options].map(([value, label]) => ({ value, label }));
  }, [enterprises.data, pickedLabels]);

  const runPreview = async () => {
    const values = await form.validateFields();
    previewAccounts.mutate(selectionOf(values), { onSuccess: setPreview });
  };
  const create = async () => {
    const values = await form.validateFields();
    createAccounts.mutate(selectionOf(values), { onSuccess: setDone });
  };

  const error = createAccounts.error ?? previewAccounts.error;
  const footer = done
    ? [
        <Button key="close" type="primary" onClick={onClose}>
          {t("users.bulk.close")}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t("common.cancel")}
        </Button>,
        <Button key="preview" onClick={runPreview} loading={previewAccounts.isPending}>
          {t("users.bulk.preview")}
        </Button>,
        <Button
          key="create"
          type="primary"
          disabled={!preview || preview.toCreate.length === 0}
          loading={createAccounts.isPending}
          onClick={create}
        >
          {t("users.bulk.create", { count: preview?.toCreate.length ?? 0 })}
        </Button>,
      ];

  return (
    <Modal
      open={open}
      title={t("users.bulk.title")}
      width={900}
      onCancel={onClose}
      footer={footer}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {done ? (
        <Result
          status="success"
          title={t("users.bulk.doneTitle", { count: done.created })}
          subTitle={t("users.bulk.doneFile", { fileName: done.fileName })}
          extra={<Typography.Paragraph type="warning">{t("users.bulk.doneOnce")}</Typography.Paragraph>}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t("users.bulk.intro")}</Typography.Paragraph>
          {error ? (
            <Alert type="error" showIcon role="alert" title={errorText(error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<SelectionForm>
            form={form}
            name="enterprise-accounts"
            layout="vertical"
            initialValues={{ scope: "all" }}
            onValuesChange={() => setPreview(null)}
          >
            <Form.Item label={t("users.bulk.scope")} name="scope">
              <Radio.Group
                options={[
                  { value: "all", label: t("users.bulk.scopeAll") },
                  { value: "filtered", label: t("users.bulk.scopeFiltered") },
                  { value: "picked", label: t("users.bulk.scopePicked") },
                ]}
              />
            </Form.Item>
            {scope === "filtered" ? (
              <Space wrap align="start" size="large">
                <Form.Item name="aboveScale" valuePropName="checked">
                  <Checkbox>{t("users.bulk.aboveScale")}</Checkbox>
                </Form.Item>
                <Form.Item name="key" valuePropName="checked">
                  <Checkbox>{t("users.bulk.key")}</Checkbox>
                </Form.Item>
                <Form.Item label={t("users.bulk.town")} name="town">
                  <Select
                    allowClear
                    style={{ width: 220 }}
                    placeholder={t("users.bulk.any")}
                    showSearch={{ optionFilterProp: "label" }}
                    options={townOptions}
                  />
                </Form.Item>
                <Form.Item label={t("users.bulk.chain")} name="chain">
                  <Select allowClear style={{ width: 220 }} placeholder={t("users.bulk.any")} options={chainOptions} />
                </Form.Item>
              </Space>
            ) : null}
            {scope === "picked" ? (
              <Form.Item
                label={t("users.bulk.enterprises")}
                name="enterpriseIds"
                rules={[{ required: true, message: t("users.bulk.enterprisesRequired") }]}
              >
                <Select
                  mode="multiple"
                  showSearch={{ filterOption: false, onSearch: setSearch }}
                  loading={enterprises.isFetching}
                  placeholder={t("users.bulk.enterprisesPlaceholder")}
                  options={enterpriseOptions}
                  onChange={(ids: number[], options) => {
                    const labels = new Map<number, string>();
                    const chosen = Array.isArray(options) ? options : [options];
                    ids.forEach((id, index) => {
                      labels.set(id, String(chosen[index]?.label ?? pickedLabels.get(id) ?? id));
                    });
                    setPickedLabels(labels);
                  }}
                />
              </Form.Item>
            ) : null}
            <Form.Item label={t("users.bulk.validDays")} name="validDays" extra={t("users.bulk.validDaysHint")}>
              <InputNumber min={1} max={180} precision={0} placeholder={t("users.bulk.validDaysDefault")} />
            </Form.Item>
          </Form>
          {preview ? (
            <>
              <Alert
                type={preview.toCreate.length > 0 ? "info" : "warning"}
                showIcon
                title={t("users.bulk.summary", {
                  selected: preview.selected,
                  create: preview.toCreate.length,
                  skipped: preview.skipped.length,
                })}
                description={t("users.bulk.validity", {
                  days: preview.validDays,
                  date: dateText(preview.expiresAt, "minute"),
                })}
                style={{ marginBottom: 12 }}
              />
              <Tabs
                items={[
                  {
                    key: "create",
                    label: t("users.bulk.tabCreate", { count: preview.toCreate.length }),
                    children: (
                      <Table<Planned>
                        rowKey="enterpriseId"
                        size="small"
                        dataSource={preview.toCreate}
                        pagination={{ pageSize: 10, showTotal: (total) => t("common.total", { total }) }}
                        columns={[
                          { title: t("users.bulk.enterpriseName"), dataIndex: "name" },
                          { title: t("users.bulk.creditCode"), dataIndex: "creditCode", width: 200 },
                          { title: t("users.username"), dataIndex: "username", width: 220 },
                        ]}
                      />
                    ),
                  },
                  {
                    key: "skipped",
                    label: t("users.bulk.tabSkipped", { count: preview.skipped.length }),
                    children: (
                      <Table<Skipped>
                        rowKey="enterpriseId"
                        size="small"
                        dataSource={preview.skipped}
                        pagination={{ pageSize: 10, showTotal: (total) => t("common.total", { total }) }}
                        columns={[
                          { title: t("users.bulk.enterpriseName"), dataIndex: "name" },
                          { title: t("users.bulk.creditCode"), dataIndex: "creditCode", width: 200 },
                          {
                            title: t("users.bulk.existingAccounts"),
                            dataIndex: "usernames",
                            width: 220,
                            render: (usernames: string[]) => usernames.join("、"),
                          },
                        ]}
                      />
                    ),
                  },
                ]}
              />
              {preview.toCreate.length > 0 ? (
                <Typography.Paragraph type="warning">{t("users.bulk.onceWarning")}</Typography.Paragraph>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </Modal>
  );
}
