import type { CallerAction } from "@beizeng/contract/rewards";
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { ClauseSource } from "../../../shared/components/clause-source";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { usePlan } from "../../plan";
import { RuleLink } from "../../rules";
import {
  downloadNotice,
  type EntitlementDetail,
  useEntitlement,
  useWorkflow,
  type WorkflowAction,
} from "../api/rewards-api";
import { ExplanationView } from "./explanation-view";
import { ObjectionDecision } from "./objection-decision";
import { AmountText, ChangeTag, ObjectionStatusTag, PublicityStateTag, StatusTag, StepText } from "./reward-labels";

type Dialog = "confirm" | "decline" | "review" | "pay" | "reject" | "recover" | null;

/** One entitlement: facts and explanation, its history, and the steps the caller may take now. */
export function EntitlementDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT();
  const entitlement = useEntitlement(id);
  return (
    <Drawer open={id !== null} onClose={onClose} size={720} title={t("rw.detail")} destroyOnHidden>
      <QueryBoundary isPending={entitlement.isPending} error={entitlement.error}>
        {() => (entitlement.data ? <EntitlementBody detail={entitlement.data} /> : null)}
      </QueryBoundary>
    </Drawer>
  );
}

function EntitlementBody({ detail }: { detail: EntitlementDetail }) {
  const t = useT();
  const { language } = useLanguage();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const user = useCurrentUser().data;
  const plan = usePlan();
  const workflow = useWorkflow(detail.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const isOffice = user?.role === "office";
  const ruleName = `${language === "en" ? detail.ruleNameEn : detail.ruleName}${detail.projectName ? `（${detail.projectName}）` : ""}`;
  const status = detail.status;
  // What the caller may do now is the server's answer: the plan's steps, the caller's unit and duties.
  const can = (action: CallerAction) => detail.actions.includes(action);

  const run = async (action: WorkflowAction) => {
    try {
      await workflow.mutateAsync(action);
      message.success(t("rw.done"));
      setDialog(null);
      form.resetFields();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const submit = async () => {
    const values = await form.validateFields();
    if (dialog === "confirm") await run({ kind: "confirm", ...values });
    if (dialog === "decline") await run({ kind: "decline", reason: values.reason });
    if (dialog === "reject") await run({ kind: "reject", reason: values.reason });
    if (dialog === "review")
      await run({ kind: "review", amountYuan: values.amountYuan || undefined, note: values.note || undefined });
    if (dialog === "pay")
      await run({ kind: "pay", voucherNo: values.voucherNo, paidOn: values.paidOn.format("YYYY-MM-DD") });
    if (dialog === "recover")
      await run({
        kind: "recover",
        amountYuan: values.amountYuan,
        reason: values.reason,
        recoveredOn: values.recoveredOn.format("YYYY-MM-DD"),
        documentNo: values.documentNo,
        settlement: values.settlement ?? "repaid",
      });
  };
  const amount = detail.amountFen === null ? t("rw.caseByCase") : formatFenForDisplay(detail.amountFen);
  const payee = detail.bankAccount
    ? `${detail.bankAccount.accountName} · ${detail.bankAccount.bankName} · ${detail.bankAccount.accountNo}`
    : (detail.enterpriseName ?? detail.creditCode);
  // Money is approved only after the decision is read back: how much, to whom, under which rule.
  const approve = () =>
    modal.confirm({
      title: t("rw.approveConfirm.title"),
      content: (
        <Descriptions size="small" column={1} data-testid="approve-confirmation">
          <Descriptions.Item label={t("rw.enterprise")}>
            {detail.enterpriseName}（{detail.creditCode}）
          </Descriptions.Item>
          <Descriptions.Item label={t("rw.rule")}>{ruleName}</Descriptions.Item>
          <Descriptions.Item label={t("rw.amount")}>
            <b>{amount}</b>
          </Descriptions.Item>
          <Descriptions.Item label={t("rw.payee")}>{payee}</Descriptions.Item>
        </Descriptions>
      ),
      okText: t("rw.approveConfirm.ok"),
      cancelText: t("common.cancel"),
      onOk: () => run({ kind: "approve" }),
    });
  const notice = async (format: "docx" | "pdf") => {
    if (detail.enterpriseId === null) return;
    try {
      const number = await downloadNotice(
        detail.enterpriseId,
        detail.year,
        `审批通知-${detail.enterpriseName}-${detail.year}.${format}`,
        format,
      );
      message.success(t("rw.noticeIssued", { number }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const actions = (
    <Space wrap>
      {can("confirm") && (
        <Button
          type="primary"
          onClick={() => {
            form.setFieldsValue(detail.bankAccount ?? { accountName: detail.enterpriseName });
            setDialog("confirm");
          }}
        >
          {t(status === "confirmed" ? "rw.updateBank" : "rw.confirm")}
        </Button>
      )}
      {can("decline") && (
        <Button danger onClick={() => setDialog("decline")}>
          {t("rw.decline")}
        </Button>
      )}
      {can("review") && (
        <Button type="primary" onClick={() => setDialog("review")}>
          {t("rw.review")}
        </Button>
      )}
      {can("approve") && (
        <Button type="primary" loading={workflow.isPending} onClick={approve}>
          {t("rw.approve")}
        </Button>
      )}
      {can("pay") && (
        <Button type="primary" onClick={() => setDialog("pay")}>
          {t("rw.pay")}
        </Button>
      )}
      {can("reject") && (
        <Button danger onClick={() => setDialog("reject")}>
          {t("rw.reject")}
        </Button>
      )}
      {can("recover") && <Button onClick={() => setDialog("recover")}>{t("rw.recover")}</Button>}
      {can("notice") && <Button onClick={() => notice("docx")}>{t("rw.notice")}</Button>}
      {can("notice") && <Button onClick={() => notice("pdf")}>{t("rw.noticePdf")}</Button>}
    </Space>
  );
  const held =
    detail.awaitingStep !== null &&
    user?.role !== "enterprise" &&
    (detail.objections.some((objection) => objection.status === "open") ||
      (status === "publicized" && detail.publicity?.state !== "closed"));

  return (
    <div data-entitlement-id={detail.id}>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("rw.enterprise")} span={2}>
          {detail.enterpriseName}（{detail.creditCode}）
        </Descriptions.Item>
        <Descriptions.Item label={t("rw.rule")} span={2}>
          <Space wrap>
            {ruleName}
            <RuleLink ruleId={detail.ruleId} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("rw.clause")} span={2}>
          <ClauseSource plan={plan.data} clauseId={detail.clause} />
        </Descriptions.Item>
        <Descriptions.Item label={t("rw.year")}>{detail.year}</Descriptions.Item>
        <Descriptions.Item label={t("rw.amount")}>
          <b>
            <AmountText fen={detail.amountFen} />
          </b>
          {detail.previousAmountFen !== null && (
            <Typography.Text type="secondary">
              {" "}
              {t("rw.previousAmount", { amount: formatFenForDisplay(detail.previousAmountFen) })}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("rw.status")}>
          <StatusTag status={status} /> <ChangeTag flag={detail.changeFlag} />
        </Descriptions.Item>
        {detail.awaitingStep && (
          <Descriptions.Item label={t("rw.currentStep")} span={2}>
            <StepText step={detail.awaitingStep} />
          </Descriptions.Item>
        )}
        {detail.publicity && (
          <Descriptions.Item label={t("rw.publicity")} span={2}>
            {t("rw.publicityPeriod", { start: detail.publicity.startsOn, end: detail.publicity.endsOn })}{" "}
            <PublicityStateTag state={detail.publicity.state} />
          </Descriptions.Item>
        )}
        {detail.bankAccount && (
          <Descriptions.Item label={t("rw.bankAccount")} span={2}>
            {detail.bankAccount.accountName} · {detail.bankAccount.bankName} · {detail.bankAccount.accountNo}
          </Descriptions.Item>
        )}
        {detail.voucherNo && (
          <Descriptions.Item label={t("rw.voucher")} span={2}>
            {detail.voucherNo}（{detail.paidOn}）
          </Descriptions.Item>
        )}
        {detail.recoveredFen !== "0" && (
          <Descriptions.Item label={t("rw.recoveredAmount")} span={2}>
            {formatFenForDisplay(detail.recoveredFen)}
          </Descriptions.Item>
        )}
        {detail.reason && (
          <Descriptions.Item label={t("rw.reason")} span={2}>
            {detail.reason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <div style={{ marginBottom: 16 }}>{actions}</div>
      {held && (
        <Typography.Paragraph type="warning" data-testid="publicity-hold">
          {t("rw.holdPublicity")}
        </Typography.Paragraph>
      )}
      {detail.computedUnder && (
        <Typography.Paragraph type="secondary" data-testid="computed-under">
          {t("rw.computedUnder", { title: detail.computedUnder.title, version: detail.computedUnder.version })}
        </Typography.Paragraph>
      )}
      <ExplanationView explanation={detail.explanation} quote={detail.quote} />
      {detail.objections.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("rw.objections")}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={detail.objections}
            renderItem={(objection) => (
              <List.Item
                actions={
                  isOffice && objection.status === "open"
                    ? [<ObjectionDecision key="decide" objection={objection} />]
                    : []
                }
              >
                <div>
                  <Space size={4} wrap>
                    <ObjectionStatusTag status={objection.status} />
                    <Typography.Text type="secondary">
                      {new Date(objection.filedAt).toLocaleString(language === "en" ? "en-GB" : "zh-CN")}
                    </Typography.Text>
                    {isOffice && (
                      <Typography.Text type="secondary">
                        {objection.name ?? t("rw.anonymous")} · {objection.contact}
                      </Typography.Text>
                    )}
                  </Space>
                  <div style={{ whiteSpace: "pre-wrap" }}>{objection.content}</div>
                  {objection.resolution && (
                    <Typography.Text type="secondary">
                      {t("rw.resolution")}
                      {t("common.colon")}
                      {objection.resolution}
                    </Typography.Text>
                  )}
                </div>
              </List.Item>
            )}
          />
        </>
      )}
      {detail.recoveries.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("rw.recoveries")}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={detail.recoveries}
            renderItem={(recovery) => (
              <List.Item>
                <Space wrap>
                  <b>{formatFenForDisplay(recovery.amountFen)}</b>
                  <span>{recovery.recoveredOn}</span>
                  <span>{recovery.documentNo}</span>
                  {recovery.settlement === "deduction" && <Tag color="orange">{t("rw.settlement.deduction")}</Tag>}
                  <span>{recovery.reason}</span>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("rw.history")}
      </Typography.Title>
      <Timeline
        items={detail.events.map((event) => ({
          content: (
            <span>
              {new Date(event.at).toLocaleString("zh-CN")} · {event.actor} ·{" "}
              {t(`rw.action.${event.action}` as MessageKey)}
              {event.reason ? `${t("common.colon")}${event.reason}` : ""}
            </span>
          ),
        }))}
      />
      <Modal
        open={dialog !== null}
        title={dialog ? t(`rw.dialog.${dialog}` as MessageKey) : ""}
        onCancel={() => setDialog(null)}
        onOk={submit}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
        confirmLoading={workflow.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === "confirm" && (
            <>
              <Typography.Paragraph type="secondary">{t("rw.confirmHint")}</Typography.Paragraph>
              <Form.Item
                name="accountName"
                label={t("rw.accountName")}
                rules={[{ required: true, message: t("rw.required") }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="bankName"
                label={t("rw.bankName")}
                rules={[{ required: true, message: t("rw.required") }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="accountNo"
                label={t("rw.accountNo")}
                rules={[{ required: true, message: t("rw.required") }]}
              >
                <Input inputMode="numeric" />
              </Form.Item>
            </>
          )}
          {(dialog === "decline" || dialog === "reject") && (
            <Form.Item
              name="reason"
              label={t("rw.reason")}
              rules={[{ required: true, min: 2, message: t("rw.reasonRequired") }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {dialog === "review" && (
            <>
              {detail.amountFen === null && (
                <Form.Item
                  name="amountYuan"
                  label={t("rw.decidedAmount")}
                  rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t("rw.amountInvalid") }]}
                >
                  <Input suffix={t("rw.yuan")} />
                </Form.Item>
              )}
              <Form.Item name="note" label={t("rw.note")}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {dialog === "recover" && (
            <>
              <Typography.Paragraph type="secondary">{t("rw.recoverHint")}</Typography.Paragraph>
              <Form.Item
                name="amountYuan"
                label={t("rw.recoverAmount")}
                rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t("rw.amountInvalid") }]}
              >
                <Input suffix={t("rw.yuan")} inputMode="decimal" />
              </Form.Item>
              <Form.Item
                name="reason"
                label={t("rw.recoverReason")}
                rules={[{ required: true, min: 2, message: t("rw.reasonRequired") }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item
                name="recoveredOn"
                label={t("rw.recoveredOn")}
                initialValue={dayjs()}
                rules={[{ required: true, message: t("rw.required") }]}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item
                name="documentNo"
                label={t("rw.documentNo")}
                rules={[{ required: true, message: t("rw.required") }]}
              >
                <Input />
              </Form.Item>
              {/* Only where a rule of the plan deducts what is owed from later awards. */}
              {plan.data?.rewards.some((rule) => rule.kind === "formula" && rule.deductShortfalls === true) && (
                <Form.Item name="settlement" label={t("rw.settlement")} initialValue="repaid">
                  <Radio.Group
                    options={[
                      { value: "repaid", label: t("rw.settlement.repaid") },
                      { value: "deduction", label: t("rw.settlement.deduction") },
                    ]}
                  />
                </Form.Item>
              )}
            </>
          )}
          {dialog === "pay" && (
            <>
              {/* What is paid, and to whom, read back before the payment is recorded: it is recorded once. */}
              <Descriptions
                size="small"
                column={1}
                bordered
                style={{ marginBottom: 16 }}
                data-testid="pay-confirmation"
              >
                <Descriptions.Item label={t("rw.enterprise")}>
                  {detail.enterpriseName}（{detail.creditCode}）
                </Descriptions.Item>
                <Descriptions.Item label={t("rw.rule")}>{ruleName}</Descriptions.Item>
                <Descriptions.Item label={t("rw.amount")}>
                  <b>{amount}</b>
                </Descriptions.Item>
                <Descriptions.Item label={t("rw.payee")}>{payee}</Descriptions.Item>
              </Descriptions>
              <Form.Item
                name="voucherNo"
                label={t("rw.voucherNo")}
                rules={[{ required: true, message: t("rw.required") }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="paidOn" label={t("rw.paidOn")} rules={[{ required: true, message: t("rw.required") }]}>
                <DatePicker />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}
