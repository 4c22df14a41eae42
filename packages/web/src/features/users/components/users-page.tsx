import { App, Button, Card, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import {
  type ActivationCodeAnswer,
  useIssueActivationCode,
  useWaitingActivations,
} from "../api/enterprise-accounts-api";
import {
  temporaryPasswordOf,
  type UserAccount,
  type UserCreate,
  useClearLoginRestrictions,
  useCreateUser,
  useResetPassword,
  useUpdateUser,
  useUsers,
} from "../api/users-api";
import { ActivationCodeModal } from "./activation-code-modal";
import { EnterpriseAccountsModal } from "./enterprise-accounts-modal";
import { UserFormModal } from "./user-form-modal";

interface TemporaryPasswordNotice {
  username: string;
  password: string;
}

export function UsersPage() {
  const t = useT();
  const signedIn = useCurrentUser().data;
  const errorText = useErrorText();
  const { message } = App.useApp();
  const users = useUsers();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const resetPassword = useResetPassword();
  const clearRestrictions = useClearLoginRestrictions();
  const activations = useWaitingActivations();
  const issueCode = useIssueActivationCode();
  const [bulkOpen, setBulkOpen] = useState(false);
  const [issued, setIssued] = useState<ActivationCodeAnswer | null>(null);
  const dateText = useDateText();
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [notice, setNotice] = useState<TemporaryPasswordNotice | null>(null);

  const openCreate = () => {
    createUser.reset();
    updateUser.reset();
    setEditing(null);
    setFormOpen(true);
  };
  const openEdit = (user: UserAccount) => {
    createUser.reset();
    updateUser.reset();
    setEditing(user);
    setFormOpen(true);
  };

  const submit = (values: UserCreate) => {
    if (editing) {
      const { username: _username, password: _password, ...changes } = values;
      updateUser.mutate(
        { id: editing.id, ...changes },
        {
          onSuccess: () => {
            setFormOpen(false);
            void message.success(t("common.saved"));
          },
        },
      );
      return;
    }
    // The office chose the initial password itself: there is none to show.
    createUser.mutate(values, {
      onSuccess: () => {
        setFormOpen(false);
        void message.success(t("common.saved"));
      },
    });
  };

  const toggleDisabled = (user: UserAccount) =>
    updateUser.mutate(
      { id: user.id, disabled: !user.disabled },
      {
        onSuccess: () => void message.success(t("common.saved")),
        onError: (error) => void message.error(errorText(error)),
      },
    );

  const reset = (user: UserAccount) =>
    resetPassword.mutate(user.id, {
      onSuccess: (answer) => {
        const password = temporaryPasswordOf(answer);
        if (password) setNotice({ username: user.username, password });
        else void message.success(t("users.resetDone"));
      },
      onError: (error) => void message.error(errorText(error)),
    });

  const reissue = (user: UserAccount) =>
    issueCode.mutate(user.id, {
      onSuccess: setIssued,
      onError: (error) => void message.error(errorText(error)),
    });

  const unlock = (user: UserAccount) =>
    clearRestrictions.mutate(user.id, {
      onSuccess: () => void message.success(t("users.unlockDone")),
      onError: (error) => void message.error(errorText(error)),
    });

  // An account waiting for activation: until when its code holds, or that it no longer does.
  const activationTag = (user: UserAccount) => {
    const waiting = activations.data?.get(user.id);
    if (!waiting) return null;
    return waiting.state === "pending" ? (
      <Tag color="purple">{t("users.activation.pending", { date: dateText(waiting.expiresAt, "day") })}</Tag>
    ) : (
      <Tag color="red">{t("users.activation.expired")}</Tag>
    );
  };

  return (
    <Card>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("users.title")}
        </Typography.Title>
        <Space wrap>
          <ExportButton path="/api/users/export" fileName="账号列表.xlsx" />
          <Button onClick={() => setBulkOpen(true)}>{t("users.bulk.open")}</Button>
          <Button type="primary" onClick={openCreate}>
            {t("users.create")}
          </Button>
        </Space>
      </Space>
      <QueryBoundary isPending={users.isPending} error={users.error}>
        {() => (
          <Table<UserAccount>
            rowKey="id"
            size="middle"
            dataSource={users.data}
            scroll={{ x: 1200 }}
            pagination={{ pageSize: 20, showTotal: (total) => t("common.total", { total }) }}
            columns={[
              { title: t("users.username"), dataIndex: "username" },
              { title: t("users.displayName"), dataIndex: "displayName" },
              {
                title: t("users.role"),
                dataIndex: "role",
                width: 120,
                render: (role: UserAccount["role"]) => <Tag color="blue">{t(`role.${role}`)}</Tag>,
              },
              {
                title: t("users.scope"),
                key: "scope",
                render: (_, user) => user.unit?.name ?? user.enterprise?.name ?? "—",
              },
              {
                title: t("users.state"),
                key: "state",
                width: 240,
                render: (_, user) => (
                  <Space size={4} wrap>
                    {user.disabled ? (
                      <Tag color="red">{t("users.disabled")}</Tag>
                    ) : (
                      <Tag color="green">{t("users.active")}</Tag>
                    )}
                    {user.mustChangePassword ? <Tag color="gold">{t("users.mustChange")}</Tag> : null}
                    {activationTag(user)}
                    {user.loginRestriction?.delayedUntil ? (
                      <Tag color="orange">
                        {t("users.loginDelayedUntil", {
                          time: dateText(user.loginRestriction.delayedUntil, "second"),
                        })}
                      </Tag>
                    ) : null}
                    {user.loginRestriction ? (
                      <Typography.Text type="secondary">
                        {t("users.loginFailures", { count: user.loginRestriction.failures })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: t("common.actions"),
                key: "actions",
                width: 380,
                render: (_, user) => (
                  <Space size={0} wrap>
                    <Button type="link" onClick={() => openEdit(user)}>
                      {t("common.edit")}
                    </Button>
                    {/* The office cannot lock itself out: its own account is never offered for disabling. */}
                    {user.id !== signedIn?.id ? (
                      <Popconfirm
                        title={user.disabled ? t("users.enableConfirm") : t("users.disableConfirm")}
                        okText={t("common.confirm")}
                        cancelText={t("common.cancel")}
                        onConfirm={() => toggleDisabled(user)}
                      >
                        <Button type="link" danger={!user.disabled}>
                          {user.disabled ? t("users.enable") : t("users.disable")}
                        </Button>
                      </Popconfirm>
                    ) : null}
                    <Popconfirm
                      title={t("users.resetConfirm")}
                      okText={t("common.confirm")}
                      cancelText={t("common.cancel")}
                      onConfirm={() => reset(user)}
                    >
                      <Button type="link">{t("users.resetPassword")}</Button>
                    </Popconfirm>
                    {user.role === "enterprise" && !user.disabled ? (
                      <Popconfirm
                        title={t("users.activation.issueConfirm")}
                        okText={t("common.confirm")}
                        cancelText={t("common.cancel")}
                        onConfirm={() => reissue(user)}
                      >
                        <Button type="link">{t("users.activation.issue")}</Button>
                      </Popconfirm>
                    ) : null}
                    {user.loginRestriction ? (
                      <Popconfirm
                        title={t("users.unlockConfirm")}
                        okText={t("common.confirm")}
                        cancelText={t("common.cancel")}
                        onConfirm={() => unlock(user)}
                      >
                        <Button type="link">{t("users.unlock")}</Button>
                      </Popconfirm>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryBoundary>
      <EnterpriseAccountsModal open={bulkOpen} onClose={() => setBulkOpen(false)} />
      <ActivationCodeModal issued={issued} onClose={() => setIssued(null)} />
      <UserFormModal
        open={formOpen}
        editing={editing}
        submitting={createUser.isPending || updateUser.isPending}
        error={editing ? updateUser.error : createUser.error}
        onSubmit={submit}
        onCancel={() => setFormOpen(false)}
      />
      <Modal
        open={notice !== null}
        title={t("users.temporaryPasswordTitle")}
        onOk={() => setNotice(null)}
        onCancel={() => setNotice(null)}
        okText={t("users.temporaryPasswordDone")}
        cancelButtonProps={{ style: { display: "none" } }}
        mask={{ closable: false }}
      >
        {notice ? (
          <>
            <Typography.Paragraph>
              {t("users.temporaryPasswordFor", { username: notice.username })}
            </Typography.Paragraph>
            <Typography.Paragraph>
              <Typography.Text code copyable strong style={{ fontSize: 18 }} aria-label={t("users.temporaryPassword")}>
                {notice.password}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph type="warning">{t("users.temporaryPasswordOnce")}</Typography.Paragraph>
          </>
        ) : null}
      </Modal>
    </Card>
  );
}
