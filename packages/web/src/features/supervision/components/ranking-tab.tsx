import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import {
  defaultYear,
  periodOf,
  type SummonsTalk,
  useRanking,
  useRecordTalk,
  useSummonsTalks,
} from "../api/supervision-api";
import { PeriodPicker } from "./period-picker";
import { RankingView } from "./ranking-view";

interface TalkValues {
  entry: string;
  talkDate: Dayjs;
  heldBy: string;
  attendees: string;
  outcome: string;
}

/** Ranking of units on each indicator, the summons list, and the talks the commission recorded. */
export function RankingTab({ years }: { years: number[] }) {
  const t = useT();
  const dateText = useDateText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const currentUser = useCurrentUser();
  const mayRecord = currentUser.data?.role === "inspector";
  const [year, setYear] = useState(defaultYear(years));
  const [quarter, setQuarter] = useState(0);
  const ranking = useRanking(periodOf(year, quarter));
  const talks = useSummonsTalks();
  const record = useRecordTalk();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TalkValues>();
  const summons = ranking.data?.summons ?? [];

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <PeriodPicker
          year={year}
          quarter={quarter}
          years={years}
          onChange={(y, q) => {
            setYear(y);
            setQuarter(q);
          }}
        />
        {mayRecord ? (
          <Button type="primary" onClick={() => setOpen(true)} disabled={summons.length === 0}>
            {t("supervision.recordTalk")}
          </Button>
        ) : null}
      </Space>
      <QueryBoundary isPending={ranking.isPending} error={ranking.error}>
        {() => (ranking.data ? <RankingView ranking={ranking.data} /> : null)}
      </QueryBoundary>
      <Typography.Title level={4}>{t("supervision.talks")}</Typography.Title>
      <QueryBoundary isPending={talks.isPending} error={talks.error}>
        {() => (
          <Table<SummonsTalk>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={talks.data?.items}
            locale={{ emptyText: t("supervision.noTalks") }}
            columns={[
              {
                title: t("supervision.talkDate"),
                dataIndex: "talkDate",
                width: 140,
                render: (date: string) => dateText(date),
              },
              { title: t("supervision.unit"), key: "unit", width: 160, render: (_, talk) => talk.unit.name },
              { title: t("supervision.heldBy"), dataIndex: "heldBy", width: 120 },
              { title: t("supervision.attendees"), dataIndex: "attendees", width: 160 },
              { title: t("supervision.outcome"), dataIndex: "outcome" },
            ]}
          />
        )}
      </QueryBoundary>
      <Modal
        open={open}
        title={t("supervision.recordTalk")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={record.isPending}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        destroyOnHidden
      >
        <Form<TalkValues>
          form={form}
          layout="vertical"
          initialValues={{ talkDate: dayjs() }}
          onFinish={(values) => {
            const entry = summons[Number(values.entry)];
            if (!entry) return;
            record.mutate(
              {
                year,
                indicatorId: entry.indicatorId,
                unitId: entry.unitId,
                talkDate: values.talkDate.format("YYYY-MM-DD"),
                heldBy: values.heldBy,
                attendees: values.attendees,
                outcome: values.outcome,
              },
              {
                onSuccess: () => {
                  setOpen(false);
                  form.resetFields();
                  void message.success(t("common.saved"));
                },
                onError: (error) => void message.error(errorText(error)),
              },
            );
          }}
        >
          <Form.Item name="entry" label={t("supervision.summonedUnit")} rules={[{ required: true }]}>
            <Select
              options={summons.map((entry, index) => ({
                value: String(index),
                label: `${entry.unitName} — ${entry.indicatorName}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="talkDate" label={t("supervision.talkDate")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="heldBy" label={t("supervision.heldBy")} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="attendees" label={t("supervision.attendees")} rules={[{ required: true }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="outcome" label={t("supervision.outcome")} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
