import type { EnterpriseDetail } from "@beizeng/contract/register";
import { App, Button, Card, Empty, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import {
  CHAIN_ROLES,
  type ChainRoleBody,
  type ChainRoleView,
  useAddChainRole,
  useRemoveChainRole,
} from "../api/chain-roles-api";
import { usePlanChains } from "../api/plan-chains";

/**
 * The enterprise's roles in the plan's chains (M4): 链主型 or 骨干型 of a chain, by year, with the designation's
 * source; those who designate add and withdraw them here.
 */
export function ChainRolesCard({ enterprise }: { enterprise: EnterpriseDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const chains = usePlanChains();
  const plan = usePlan().data;
  const add = useAddChainRole(enterprise.id);
  const remove = useRemoveChainRole(enterprise.id);
  const [form] = Form.useForm<ChainRoleBody>();
  const [adding, setAdding] = useState(false);
  const canEdit = enterprise.canDesignateChainRoles;
  // The catch-all chain (role other) has no leader to designate.
  const chainOptions = chains.options.filter(
    (option) => plan?.chains.find((chain) => chain.id === option.value)?.role !== "other",
  );
  const save = async (values: ChainRoleBody) => {
    try {
      await add.mutateAsync(values);
      message.success(t("chainRole.saved"));
      form.resetFields();
      setAdding(false);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Card
      size="small"
      title={t("chainRole.title")}
      extra={
        canEdit && !adding ? (
          <Button size="small" onClick={() => setAdding(true)}>
            {t("chainRole.add")}
          </Button>
        ) : null
      }
    >
      {adding ? (
        <Form<ChainRoleBody>
          form={form}
          layout="vertical"
          initialValues={{
            chainId: chainOptions.find((o) => o.value === enterprise.chainId)?.value,
            role: "leader",
            year: new Date().getFullYear(),
          }}
          onFinish={save}
          style={{ marginBottom: 12 }}
        >
          <Space wrap align="start">
            <Form.Item
              name="chainId"
              label={t("chainRole.chain")}
              rules={[{ required: true, message: t("chainRole.required.chain") }]}
            >
              <Select aria-label={t("chainRole.chain")} style={{ minWidth: 140 }} options={chainOptions} />
            </Form.Item>
            <Form.Item name="role" label={t("chainRole.role")}>
              <Select
                aria-label={t("chainRole.role")}
                style={{ minWidth: 110 }}
                options={CHAIN_ROLES.map((role) => ({ value: role, label: t(`chainRole.role.${role}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="year"
              label={t("chainRole.year")}
              rules={[{ required: true, message: t("chainRole.required.year") }]}
            >
              <InputNumber aria-label={t("chainRole.year")} min={1990} max={2100} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item
            name="source"
            label={t("chainRole.source")}
            rules={[{ required: true, whitespace: true, message: t("chainRole.required.source") }]}
          >
            <Input maxLength={200} placeholder={t("chainRole.sourceHint")} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t("chainRole.save")}
            </Button>
            <Button onClick={() => setAdding(false)}>{t("chainRole.cancel")}</Button>
          </Space>
        </Form>
      ) : null}
      {enterprise.chainRoles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("chainRole.none")} />
      ) : (
        <Table<ChainRoleView>
          rowKey="id"
          size="small"
          scroll={{ x: 520 }}
          pagination={false}
          dataSource={enterprise.chainRoles}
          columns={[
            { title: t("chainRole.year"), dataIndex: "year" },
            { title: t("chainRole.chain"), render: (_, row) => chains.name(row.chainId) },
            {
              title: t("chainRole.role"),
              render: (_, row) => (
                <Tag color={row.role === "leader" ? "gold" : "blue"}>{t(`chainRole.role.${row.role}`)}</Tag>
              ),
            },
            { title: t("chainRole.source"), dataIndex: "source" },
            ...(canEdit
              ? [
                  {
                    title: t("chainRole.actions"),
                    render: (_: unknown, row: ChainRoleView) => (
                      <Popconfirm
                        title={t("chainRole.withdrawConfirm")}
                        onConfirm={async () => {
                          try {
                            await remove.mutateAsync(row.id);
                            message.success(t("chainRole.withdrawn"));
                          } catch (error) {
                            message.error(errorText(error));
                          }
                        }}
                      >
                        <Button size="small">{t("chainRole.withdraw")}</Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
