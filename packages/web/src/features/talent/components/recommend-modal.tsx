import { Checkbox, Form, Input } from "antd";
import { FormModal } from "../../../shared/components/form-modal";
import { useT } from "../../../shared/i18n/i18n";
import { useRecommend } from "../api/talent-api";

/** Recommends a person to a post; whether the enterprise may read the person's name and number is asked here. */
export function RecommendModal({
  personId,
  personName,
  postId,
  postTitle,
  onClose,
}: {
  personId: number;
  personName: string;
  postId: number;
  postTitle: string;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ contactShared: boolean; note: string }>();
  const recommend = useRecommend();
  return (
    <FormModal
      destroyOnHidden
      form={form}
      title={t("tal.recommendTitle", { name: personName, post: postTitle })}
      okText={t("tal.recommend")}
      saving={recommend.isPending}
      onClose={onClose}
      save={async (values) => {
        await recommend.mutateAsync({ postId, personId, contactShared: values.contactShared, note: values.note ?? "" });
        return t("tal.recommended");
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ contactShared: false, note: "" }}>
        <Form.Item name="contactShared" valuePropName="checked">
          <Checkbox>{t("tal.contactShared")}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={`${t("tal.note")}${t("tal.optional")}`}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
