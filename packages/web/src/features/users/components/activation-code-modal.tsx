import { Descriptions, Modal, Typography } from "antd";
import { useDateText } from "../../../shared/format/dates";
import { useT } from "../../../shared/i18n/i18n";
import type { ActivationCodeAnswer } from "../api/enterprise-accounts-api";

/** A re-issued activation code, shown this once with where and until when it is used. */
export function ActivationCodeModal({ issued, onClose }: { issued: ActivationCodeAnswer | null; onClose: () => void }) {
  const t = useT();
  const dateText = useDateText();
  return (
    <Modal
      open={issued !== null}
      title={t("users.activation.issuedTitle")}
      onOk={onClose}
      onCancel={onClose}
      okText={t("users.temporaryPasswordDone")}
      cancelButtonProps={{ style: { display: "none" } }}
      mask={{ closable: false }}
    >
      {issued ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: "username", label: t("users.username"), children: issued.username },
              {
                key: "code",
                label: t("users.activation.code"),
                children: (
                  <Typography.Text code copyable strong style={{ fontSize: 18 }}>
                    {issued.activationCode}
                  </Typography.Text>
                ),
              },
              { key: "expires", label: t("users.activation.expires"), children: dateText(issued.expiresAt, "minute") },
              {
                key: "address",
                label: t("users.activation.address"),
                children: <Typography.Text copyable>{issued.activationUrl}</Typography.Text>,
              },
            ]}
          />
          <Typography.Paragraph type="warning" style={{ marginTop: 16 }}>
            {t("users.activation.once")}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
