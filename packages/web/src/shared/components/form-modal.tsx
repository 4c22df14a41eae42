import { App, type FormInstance, Modal } from "antd";
import type { ReactNode } from "react";
import { useErrorText } from "../api/error-text";
import { useT } from "../i18n/i18n";

/**
 * The frame of a form in a dialog: OK checks the form, saves, says so and closes; a refusal is said and the form
 * stays open with what was typed.
 */
export function FormModal<Values>({
  form,
  title,
  okText,
  saving,
  width,
  destroyOnHidden,
  onClose,
  save,
  children,
}: {
  form: FormInstance<Values>;
  title: string;
  okText: string;
  saving: boolean;
  width?: number;
  /** Drops what the form held once it closes (personal data is not kept in the page). */
  destroyOnHidden?: boolean;
  onClose: () => void;
  /** Saves the checked values; answers the message that says it was done. */
  save: (values: Values) => Promise<string>;
  children: ReactNode;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      message.success(await save(values));
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
      okText={okText}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      {...(width ? { width } : {})}
      {...(destroyOnHidden ? { destroyOnHidden } : {})}
    >
      {children}
    </Modal>
  );
}
