import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CONVERSATION_STATUS_VALUES } from "@/api/enums.gen";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { DateRangeFilter } from "@/components/form/date-range";
import { EnumOptions } from "@/components/form/enum-options";
import { PageHeader } from "@/components/layout/page-header";
import { useListPage } from "@/components/list-page/use-list-page";
import { EmptyState, ForbiddenState } from "@/components/states/states";
import { useMe } from "@/features/auth/api";
import { LiveIndicator } from "@/features/broadcasts/live-indicator";
import { agentsQueryOptions } from "@/features/tickets/api";
import { conversationsQueryOptions, useLiveConversations } from "./api";
import { useConversationColumns } from "./components/columns";
import { CONVERSATION_STATUS_LABEL } from "./labels";
import { readsConversations, worksConversations } from "./lib/access";
import { CONVERSATIONS_TABLE } from "./table";

/**
 * "Percakapan WhatsApp": the conversations in the user's scope, latest message first,
 * filtered in the URL (status, agent, number or name, the days opened) and kept live
 * by the event stream.
 */
export default function ConversationsPage() {
  const me = useMe();
  if (!readsConversations(me.role)) return <ForbiddenState />;
  return <ConversationList />;
}

function ConversationList() {
  const { t } = useTranslation();
  const live = useLiveConversations();
  const list = useListPage({
    table: CONVERSATIONS_TABLE,
    queryOptions: conversationsQueryOptions,
    columns: useConversationColumns(),
    getRowId: (row) => row.id,
  });
  const { state, setFilter } = list;

  return (
    <>
      <PageHeader
        title={t("whatsapp.title")}
        description={t("whatsapp.subtitle")}
        actions={<LiveIndicator state={live} />}
      />
      <DataTable
        {...list.dataTable}
        caption={t("whatsapp.title")}
        filters={
          <>
            <SearchFilter
              value={state.filters.search}
              onChange={(value) => setFilter("search", value)}
              label={t("whatsapp.search")}
              placeholder={t("whatsapp.searchPlaceholder")}
            />
            <SelectFilter
              value={state.filters.status}
              onChange={(value) => setFilter("status", value)}
              label={t("whatsapp.fields.status")}
              allLabel={t("whatsapp.allStatuses")}
              testId="filter-status"
            >
              <EnumOptions values={CONVERSATION_STATUS_VALUES} labels={CONVERSATION_STATUS_LABEL} />
            </SelectFilter>
            <AgentFilter
              value={state.filters.agent}
              onChange={(value) => setFilter("agent", value)}
            />
            <DateRangeFilter
              from={state.filters.from}
              to={state.filters.to}
              onChange={({ from, to }) => list.setFilters({ from, to })}
            />
          </>
        }
        empty={
          <EmptyState title={t("whatsapp.empty.title")} description={t("whatsapp.empty.body")} />
        }
      />
    </>
  );
}

/** "Saya" (CS only), "Belum ditugaskan", or one CS member from the users directory. */
function AgentFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const agents = useQuery(agentsQueryOptions);
  const people = agents.data ?? [];
  return (
    <SelectFilter
      value={value}
      onChange={onChange}
      label={t("whatsapp.agent")}
      allLabel={t("whatsapp.allAgents")}
      testId="filter-agent"
    >
      {worksConversations(me.role) ? <option value="me">{t("whatsapp.agentMe")}</option> : null}
      <option value="unassigned">{t("whatsapp.unassigned")}</option>
      {value && value !== "me" && value !== "unassigned" && !people.some((p) => p.id === value) ? (
        <option value={value}>{value}</option>
      ) : null}
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.full_name}
        </option>
      ))}
    </SelectFilter>
  );
}
