import { Button, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../../shared/components/export-button";
import { FormModal } from "../../../shared/components/form-modal";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useEnterprises } from "../../enterprises";
import {
  type JobPost,
  type JobPostInput,
  type Place,
  useJobPosts,
  usePostCandidates,
  useSaveJobPost,
} from "../api/talent-api";
import { RecommendModal } from "./recommend-modal";
import { MatchReasons, talentLabel, usePlaceName, useYuan } from "./talent-labels";

export function PostsTab({ canKeep }: { canKeep: boolean }) {
  const t = useT();
  const user = useCurrentUser().data;
  const staff = user?.role !== "enterprise";
  const posts = useJobPosts();
  const placeName = usePlaceName();
  const yuan = useYuan();
  const [editing, setEditing] = useState<JobPost | "new" | null>(null);
  const [matching, setMatching] = useState<JobPost | null>(null);
  const canPost = posts.data?.canPost === true;
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        {canPost ? (
          <Button type="primary" onClick={() => setEditing("new")}>
            {t("tal.addPost")}
          </Button>
        ) : null}
        <ExportButton path="/api/talent/posts/export" fileName="企业岗位信息.xlsx" label={t("tal.export")} />
      </Space>
      <QueryBoundary isPending={posts.isPending} error={posts.error}>
        {() => (
          <Table<JobPost>
            rowKey="id"
            size="small"
            scroll={{ x: 1000 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={posts.data?.posts ?? []}
            locale={{ emptyText: t("tal.noPosts") }}
            columns={[
              ...(staff
                ? [{ title: t("tal.enterprise"), render: (_: unknown, post: JobPost) => post.enterprise.name }]
                : []),
              {
                title: t("tal.post"),
                dataIndex: "title",
                render: (title: string, post) => (
                  <>
                    {title} {post.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                  </>
                ),
              },
              {
                title: t("tal.postSkills"),
                render: (_, post) => (
                  <Space size={[2, 2]} wrap>
                    {post.skills.map((skill) => (
                      <Tag key={skill}>{skill}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t("tal.pay"),
                render: (_, post) => t("tal.payRange", { min: yuan(post.payMin), max: yuan(post.payMax) }),
              },
              { title: t("tal.place"), render: (_, post) => placeName(post.place) },
              { title: t("tal.headcount"), dataIndex: "headcount" },
              {
                title: t("tal.postStatus"),
                render: (_, post) => (
                  <Tag color={post.status === "open" ? "green" : undefined}>
                    {t(talentLabel("tal.postStatus", post.status))}
                  </Tag>
                ),
              },
              { title: t("tal.recommendedHired"), render: (_, post) => `${post.recommended} / ${post.hired}` },
              {
                title: t("tal.actions"),
                render: (_, post) => (
                  <Space size={4} wrap>
                    {staff ? (
                      <Button size="small" onClick={() => setMatching(post)}>
                        {t("tal.matchPeople")}
                      </Button>
                    ) : null}
                    {canPost ? (
                      <Button size="small" onClick={() => setEditing(post)}>
                        {t("tal.edit")}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryBoundary>
      {editing !== null && posts.data ? (
        <PostModal
          post={editing === "new" ? null : editing}
          places={posts.data.places}
          onBehalf={staff}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {matching ? <CandidatesDrawer post={matching} canKeep={canKeep} onClose={() => setMatching(null)} /> : null}
    </Space>
  );
}

function PostModal({
  post,
  places,
  onBehalf,
  onClose,
}: {
  post: JobPost | null;
  places: Place[];
  onBehalf: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const placeName = usePlaceName();
  const [form] = Form.useForm<JobPostInput>();
  const save = useSaveJobPost();
  const [search, setSearch] = useState("");
  const enterprises = useEnterprises({ q: search || undefined, page: 1, pageSize: 50 }, { enabled: onBehalf && !post });
  const required = (field: string) => [{ required: true, message: t("tal.required", { field }) }];
  return (
    <FormModal
      destroyOnHidden
      form={form}
      title={post ? t("tal.editPost") : t("tal.addPost")}
      okText={t("tal.save")}
      saving={save.isPending}
      width={640}
      onClose={onClose}
      save={async (values) => {
        await save.mutateAsync({
          id: post?.id ?? null,
          input: { ...values, description: values.description ?? "", ...(post ? { enterpriseId: undefined } : {}) },
        });
        return t("tal.saved");
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          post
            ? {
                title: post.title,
                skills: post.skills,
                payMin: post.payMin,
                payMax: post.payMax,
                place: post.place.id,
                headcount: post.headcount,
                description: post.description,
                status: post.status,
              }
            : { skills: [], headcount: 1, status: "open" }
        }
      >
        {onBehalf && !post ? (
          <Form.Item name="enterpriseId" label={t("tal.enterprise")} rules={required(t("tal.enterprise"))}>
            <Select
              aria-label={t("tal.enterprise")}
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={enterprises.isFetching}
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="title"
          label={t("tal.postTitle")}
          rules={[{ required: true, whitespace: true, message: t("tal.required", { field: t("tal.postTitle") }) }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="skills" label={t("tal.postSkills")} extra={t("tal.skillsHint")}>
          <Select mode="tags" aria-label={t("tal.postSkills")} tokenSeparators={["、", ",", "，"]} open={false} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="payMin" label={t("tal.payMin")} rules={required(t("tal.payMin"))}>
            <InputNumber min={0} max={1_000_000} precision={0} step={500} />
          </Form.Item>
          <Form.Item
            name="payMax"
            label={t("tal.payMax")}
            dependencies={["payMin"]}
            rules={[
              ...required(t("tal.payMax")),
              ({ getFieldValue }) => ({
                validator: (_, value: number | null) =>
                  value == null || getFieldValue("payMin") == null || value >= getFieldValue("payMin")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("tal.payOrder"))),
              }),
            ]}
          >
            <InputNumber min={0} max={1_000_000} precision={0} step={500} />
          </Form.Item>
          <Form.Item name="headcount" label={t("tal.headcount")} rules={required(t("tal.headcount"))}>
            <InputNumber min={1} max={10_000} precision={0} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="place" label={t("tal.place")} rules={required(t("tal.place"))}>
            <Select
              aria-label={t("tal.place")}
              style={{ minWidth: 180 }}
              options={places.map((place) => ({ value: place.id, label: placeName(place) }))}
            />
          </Form.Item>
          <Form.Item name="status" label={t("tal.postStatus")}>
            <Select
              aria-label={t("tal.postStatus")}
              style={{ minWidth: 120 }}
              options={(["open", "closed"] as const).map((status) => ({
                value: status,
                label: t(talentLabel("tal.postStatus", status)),
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={`${t("tal.description")}${t("tal.optional")}`}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function CandidatesDrawer({ post, canKeep, onClose }: { post: JobPost; canKeep: boolean; onClose: () => void }) {
  const t = useT();
  const placeName = usePlaceName();
  const candidates = usePostCandidates(post.id);
  const [recommending, setRecommending] = useState<{ id: number; name: string } | null>(null);
  const withoutConsent = candidates.data?.withoutConsent ?? 0;
  return (
    <Drawer open onClose={onClose} title={t("tal.candidatesTitle", { post: post.title })} size="large">
      <QueryBoundary isPending={candidates.isPending} error={candidates.error}>
        {() => (
          <Space orientation="vertical" style={{ width: "100%" }}>
            {withoutConsent > 0 ? (
              <Typography.Text type="secondary">{t("tal.withoutConsent", { count: withoutConsent })}</Typography.Text>
            ) : null}
            <Table
              rowKey={(entry) => entry.person.id}
              size="small"
              scroll={{ x: 640 }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={candidates.data?.candidates ?? []}
              locale={{ emptyText: t("tal.noMatches") }}
              columns={[
                {
                  title: t("tal.name"),
                  render: (_, entry) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong>{entry.person.name}</Typography.Text>
                      <Typography.Text type="secondary">
                        {placeName(entry.person.originTown)} · {t(talentLabel("tal.education", entry.person.education))}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t("tal.score"),
                  render: (_, entry) => <Typography.Text strong>{entry.score}</Typography.Text>,
                },
                {
                  title: t("tal.why"),
                  render: (_, entry) => <MatchReasons reasons={entry.reasons} payBelowWish={entry.payBelowWish} />,
                },
                {
                  title: t("tal.actions"),
                  render: (_, entry) =>
                    entry.recommendation ? (
                      <Tag>{t(talentLabel("tal.outcome", entry.recommendation))}</Tag>
                    ) : canKeep && post.status === "open" ? (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setRecommending({ id: entry.person.id, name: entry.person.name })}
                      >
                        {t("tal.recommend")}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Space>
        )}
      </QueryBoundary>
      {recommending ? (
        <RecommendModal
          personId={recommending.id}
          personName={recommending.name}
          postId={post.id}
          postTitle={post.title}
          onClose={() => setRecommending(null)}
        />
      ) : null}
    </Drawer>
  );
}
