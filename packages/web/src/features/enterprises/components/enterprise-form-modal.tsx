import { creditCodeMessage } from "@beizeng/domain/credit-code";
import { PLACE_UNIT_KINDS } from "@beizeng/domain/plan/vocabulary";
import { App, Form, Input, Modal, Select, Switch } from "antd";
import { useEffect } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useUnits } from "../../units";
import type { EnterpriseSummary } from "../api/enterprises-api";
import { usePlanChains } from "../api/plan-chains";
import { type EnterpriseInput, useCreateEnterprise, useLeaders, useUpdateEnterprise } from "../api/register-api";

interface FormValues {
  creditCode: string;
  name: string;
  townUnitId?: number | null;
  chainId: string;
  industryCode?: string;
  isKey: boolean;
  leaderUserId?: number | null;
}

/** Create an enterprise, or edit one (`enterprise` given). The office only. */
export function EnterpriseFormModal({
  open,
  enterprise,
  onClose,
  onCreated,
}: {
  open: boolean;
  enterprise?: EnterpriseSummary & { leader?: { id: number } | null };
  onClose: () => void;
  onCreated?: (id: number) => void;
}) {
  const t = useT();
  const localized = useLocalizedText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const chains = usePlanChains();
  const units = useUnits();
  const leaders = useLeaders(open);
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise(enterprise?.id ?? 0);

  // A new enterprise starts in the plan's chain for those outside its listed ones; a stored chain the plan no
  // longer lists is shown, and saved, as that chain too.
  const initialChain = enterprise ? chains.formValue(enterprise.chainId) : chains.otherChainId;
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      enterprise
        ? {
            creditCode: enterprise.creditCode,
            name: enterprise.name,
            townUnitId: enterprise.town?.id ?? null,
            chainId: initialChain,
            industryCode: enterprise.industryCode ?? "",
            isKey: Boolean(enterprise.isKey),
            leaderUserId: enterprise.leader?.id ?? null,
          }
        : { creditCode: "", name: "", chainId: initialChain, isKey: false, townUnitId: null, leaderUserId: null },
    );
  }, [open, enterprise, form, initialChain]);

  const townOptions = (units.data ?? [])
    .filter((unit) => PLACE_UNIT_KINDS.includes(unit.kind))
    .map((unit) => ({ value: unit.id, label: localized(unit.name, unit.nameEn) }));

  const submit = async () => {
    const values = await form.validateFields();
    const input: EnterpriseInput = {
      ...values,
      creditCode: values.creditCode.trim().toUpperCase(),
      industryCode: values.industryCode?.trim() ? values.industryCode.trim() : null,
      townUnitId: values.townUnitId ?? null,
      leaderUserId: values.leaderUserId ?? null,
    };
    const onError = (error: unknown) => void message.error(errorText(error));
    const saved = () => {
      void message.success(t("common.saved"));
      onClose();
    };
    if (enterprise) update.mutate(input, { onSuccess: saved, onError });
    else
      create.mutate(input, {
        onSuccess: (answer) => {
          saved();
          onCreated?.(answer.id);
        },
        onError,
      });
  };

  return (
    <Modal
      open={open}
      title={enterprise ? t("reg.editTitle", { name: enterprise.name }) : t("reg.createTitle")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="creditCode"
          label={t("enterprises.creditCode")}
          rules={[
            { required: true, message: t("reg.creditCodeRequired") },
            {
              validator: async (_, value: string) => {
                const problem = value ? creditCodeMessage(value.trim().toUpperCase()) : null;
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input maxLength={18} placeholder={t("reg.creditCodePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("enterprises.name")}
          rules={[{ required: true, message: t("reg.nameRequired") }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="townUnitId" label={t("enterprises.town")}>
          <Select allowClear options={townOptions} />
        </Form.Item>
        <Form.Item name="chainId" label={t("enterprises.chain")} rules={[{ required: true }]}>
          <Select options={chains.options} loading={chains.otherChainId === undefined} />
        </Form.Item>
        <Form.Item
          name="industryCode"
          label={t("enterprises.industryCode")}
          extra={t("reg.industryCodeHint")}
          rules={[{ pattern: /^[A-Ta-t]?\d{2,4}$/, message: t("reg.industryCodeInvalid") }]}
        >
          <Input maxLength={5} placeholder="C2710" />
        </Form.Item>
        <Form.Item name="isKey" label={t("enterprises.key")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="leaderUserId" label={t("reg.leader")}>
          <Select
            allowClear
            loading={leaders.isPending}
            options={(leaders.data ?? []).map((leader) => ({ value: leader.id, label: leader.displayName }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
