import { Card, Space, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useDateText } from "../../../shared/format/dates";
import { useT } from "../../../shared/i18n/i18n";
import { type EnterpriseRequest, useRequests } from "../api/requests-api";
import { RatingTag, RequestLightTag, RequestStatusTag, useCategoryName } from "./request-labels";

const PAGE_SIZE = 5;

/**
 * One enterprise's requests on its detail page, newest first, each opening its request: the enterprise reads its own
 * as 我的诉求, the staff the enterprise's as far as they may see them.
 */
export function EnterpriseRequestsCard({ enterpriseId, own }: { enterpriseId: number; own: boolean }) {
  const t = useT();
  const dateText = useDateText();
  const categoryName = useCategoryName();
  const [page, setPage] = useState(1);
  const requests = useRequests({ enterprise: enterpriseId }, page, PAGE_SIZE);
  return (
    <Card
      size="small"
      title={t(own ? "rq.ofEnterpriseOwn" : "rq.ofEnterprise")}
      extra={own ? <Link to="/requests">{t("rq.ofEnterpriseAll")}</Link> : null}
      data-testid="enterprise-requests"
    >
      <Table<EnterpriseRequest>
        rowKey="id"
        size="small"
        loading={requests.isPending}
        dataSource={requests.data?.items ?? []}
        locale={{ emptyText: t("rq.ofEnterpriseEmpty") }}
        scroll={{ x: 720 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: requests.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t("rq.titleField"),
            key: "title",
            render: (_, request) => <Link to={`/requests/${request.id}`}>{request.title}</Link>,
          },
          { title: t("rq.category"), dataIndex: "category", width: 120, render: (id: string) => categoryName(id) },
          {
            title: t("rq.status"),
            key: "status",
            width: 200,
            render: (_, request) => (
              <Space size={4} wrap>
                <RequestStatusTag status={request.status} />
                <RequestLightTag request={request} />
                <RatingTag rating={request.rating} />
              </Space>
            ),
          },
          {
            title: t("rq.createdAt"),
            dataIndex: "createdAt",
            width: 150,
            render: (value: string) => dateText(value),
          },
        ]}
      />
    </Card>
  );
}
