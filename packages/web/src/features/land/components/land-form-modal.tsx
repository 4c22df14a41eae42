import { App, type FormInstance, Modal } from "antd";
import type { ReactNode } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useT } from "../../../shared/i18n/i18n";

/** The frame of the land pages' forms: OK checks, saves, says so and closes; a refusal is said and the form stays. */
export function LandFormModal<Values>({
  form,
  title,
  saving,
  onClose,
  save,
  children,
}: {
  form: FormInstance<Values>;
  title: string;
  saving: boolean;
  onClose: () => void;
  save: (values: Values) => Promise<unknown>;
  children: ReactNode;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save(values);
      message.success(t("land.saved"));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={t("land.save")}
      cancelText={t("land.cancel")}
      confirmLoading={saving}
    >
      {children}
    </Modal>
  );
}
