import { findRequestCategory } from "@beizeng/domain/requests/categories";
import { Alert, App, Form, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useEnterprises } from "../../enterprises";
import { usePlan } from "../../plan";
import { type SubmitRequestInput, useServiceDays, useSubmitRequest } from "../api/requests-api";
import { useCategoryOptions, useRequestCategories } from "./request-labels";

/** Files a request: an enterprise for itself; the office for any enterprise, a leader for the enterprises assigned to it. */
export function RequestFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser().data;
  const onBehalf = user?.role !== "enterprise";
  const [search, setSearch] = useState("");
  const enterprises = useEnterprises(
    { q: search || undefined, mine: user?.role === "leader" ? "true" : undefined, page: 1, pageSize: 50 },
    { enabled: open && onBehalf },
  );
  const serviceDays = useServiceDays(open && onBehalf);
  const [form] = Form.useForm<SubmitRequestInput>();
  const submit = useSubmitRequest();
  const categoryOptions = useCategoryOptions();
  const categories = useRequestCategories();
  const noCategories = usePlan().data?.requestCategories.length === 0;
  const category = Form.useWatch("category", form);
  const limit = category ? findRequestCategory(categories, category) : undefined;

  const save = async () => {
    const values = await form.validateFields();
    try {
      const created = await submit.mutateAsync(values);
      message.success(t("rq.submitted"));
      form.resetFields();
      onClose();
      navigate(`/requests/${created.id}`);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={open}
      title={onBehalf ? t("rq.register") : t("rq.new")}
      onCancel={onClose}
      onOk={save}
      okText={t("common.confirm")}
      cancelText={t("common.cancel")}
      confirmLoading={submit.isPending}
      width={640}
      destroyOnHidden
    >
      {noCategories ? (
        <Alert type="warning" showIcon title={t("rq.noCategories")} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" requiredMark>
        {onBehalf ? (
          <Form.Item name="enterpriseId" label={t("rq.enterprise")} rules={[{ required: true }]}>
            <Select
              aria-label={t("rq.enterprise")}
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={enterprises.isFetching}
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        ) : null}
        {onBehalf ? (
          <Form.Item name="serviceDayId" label={t("rq.serviceDay")} extra={t("rq.serviceDayHint")}>
            <Select
              aria-label={t("rq.serviceDay")}
              allowClear
              options={(serviceDays.data?.items ?? []).map((day) => ({
                value: day.id,
                label: `${day.heldOn} ${day.theme}`,
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="category"
          label={t("rq.category")}
          rules={[{ required: true }]}
          extra={limit ? t("rq.limit", { days: limit.limitDays, kind: t(`rq.limit.${limit.dayKind}`) }) : undefined}
        >
          <Select aria-label={t("rq.category")} options={categoryOptions} />
        </Form.Item>
        <Form.Item name="title" label={t("rq.titleField")} rules={[{ required: true, max: 100 }]}>
          <Input aria-label={t("rq.titleField")} maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label={t("rq.content")} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea aria-label={t("rq.content")} rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="contactName" label={t("rq.contactName")} rules={[{ required: true, max: 50 }]}>
          <Input aria-label={t("rq.contactName")} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t("rq.contactPhone")}
          rules={[{ required: true, pattern: /^[0-9+\-() ]{5,30}$/ }]}
        >
          <Input aria-label={t("rq.contactPhone")} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t("rq.intro")}</Typography.Text>
    </Modal>
  );
}
