import { ArrowRightLeft, CalendarDays, GripVertical, UserRound } from "lucide-react";
import { useRef } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { currentLocale } from "@/i18n";
import { formatDate, formatIDR, formatNumber, formatPercent, todayInJakarta } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useStageLabel } from "../labels";
import type { Pipeline, PipelineColumn, Prospect } from "../types";
import { useBoardDrag, type DragState } from "./use-board-drag";

interface BoardProps {
  pipeline: Pipeline;
  canMove: boolean;
  showOwner: boolean;
  onMove: (prospectId: string, toStage: string) => void;
  onOpen: (prospectId: string) => void;
}

/** The kanban: one column per stage, cards draggable between columns. */
export function Board({ pipeline, canMove, showOwner, onMove, onOpen }: BoardProps) {
  const { t } = useTranslation();
  const boardRef = useRef<HTMLDivElement>(null);
  const stages = pipeline.columns.map((c) => ({ stage: c.stage, name: c.name }));
  const { drag, onPointerDown } = useBoardDrag({
    enabled: canMove,
    boardRef,
    onDrop: ({ id, toStage }) => onMove(id, toStage),
  });
  const dragged = drag
    ? pipeline.columns.flatMap((c) => c.prospects).find((p) => p.id === drag.id)
    : undefined;

  return (
    <>
      <div
        ref={boardRef}
        className="flex snap-x gap-3 overflow-x-auto pb-3"
        role="list"
        aria-label={t("crm.pipeline.boardLabel")}
        data-testid="pipeline-board"
      >
        {pipeline.columns.map((column) => (
          <StageColumn
            key={column.stage}
            column={column}
            stages={stages}
            canMove={canMove}
            showOwner={showOwner}
            isOver={
              drag !== null && drag.overStage === column.stage && drag.fromStage !== column.stage
            }
            draggingId={drag?.id ?? null}
            onPointerDown={onPointerDown}
            onMove={onMove}
            onOpen={onOpen}
          />
        ))}
      </div>
      {drag && dragged ? <DragGhost drag={drag} prospect={dragged} /> : null}
    </>
  );
}

function StageColumn({
  column,
  stages,
  canMove,
  showOwner,
  isOver,
  draggingId,
  onPointerDown,
  onMove,
  onOpen,
}: {
  column: PipelineColumn;
  stages: { stage: string; name: string }[];
  canMove: boolean;
  showOwner: boolean;
  isOver: boolean;
  draggingId: string | null;
  onPointerDown: ReturnType<typeof useBoardDrag>["onPointerDown"];
  onMove: (prospectId: string, toStage: string) => void;
  onOpen: (prospectId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const stageLabel = useStageLabel();
  const headingId = `stage-${column.stage}-heading`;
  const hidden = column.count - column.prospects.length;
  return (
    <section
      role="listitem"
      aria-labelledby={headingId}
      data-testid={`stage-column-${column.stage}`}
      data-stage-column={column.stage}
      className={cn(
        "flex w-64 shrink-0 snap-start flex-col rounded-lg border border-border bg-slate-50 transition-colors",
        isOver && "border-accent-500 bg-warning-soft ring-2 ring-accent-400",
      )}
    >
      <header
        className={cn(
          "rounded-t-lg border-b border-border bg-surface px-3 py-2.5",
          column.stage === "won" && "border-t-4 border-t-green-600",
          column.stage === "lost" && "border-t-4 border-t-red-600",
          column.stage !== "won" && column.stage !== "lost" && "border-t-4 border-t-navy-700",
        )}
      >
        <div className="flex items-center justify-between gap-2">
          <h2 id={headingId} className="truncate text-sm font-semibold text-navy-900">
            {stageLabel(column.stage, column.name)}
          </h2>
          <div className="flex items-center gap-1">
            <Badge variant="muted" title={t("crm.pipeline.probability")}>
              {formatPercent(column.probability, locale, 0)}
            </Badge>
            <Badge data-testid="stage-count" title={t("crm.pipeline.count")}>
              {formatNumber(column.count, locale)}
            </Badge>
          </div>
        </div>
        <dl className="mt-1.5 grid grid-cols-2 gap-x-2 text-xs tabular">
          <dt className="text-muted">{t("crm.pipeline.total")}</dt>
          <dd className="text-right font-medium text-foreground" data-testid="stage-total">
            {formatIDR(column.total_value, locale)}
          </dd>
          <dt className="text-muted">{t("crm.pipeline.weighted")}</dt>
          <dd className="text-right font-medium text-foreground" data-testid="stage-weighted">
            {formatIDR(column.weighted_value, locale)}
          </dd>
        </dl>
      </header>
      <ul className="flex min-h-40 flex-1 flex-col gap-2 p-2" aria-labelledby={headingId}>
        {column.prospects.length === 0 ? (
          <li className="rounded-md border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-muted">
            {canMove ? t("crm.pipeline.dropHere") : t("crm.pipeline.noProspects")}
          </li>
        ) : (
          column.prospects.map((p) => (
            <li key={p.id}>
              <ProspectCard
                prospect={p}
                stage={column.stage}
                stages={stages}
                canMove={canMove}
                showOwner={showOwner}
                dimmed={draggingId === p.id}
                onPointerDown={onPointerDown}
                onMove={onMove}
                onOpen={onOpen}
              />
            </li>
          ))
        )}
        {hidden > 0 ? (
          <li className="px-1 text-center text-xs text-muted">
            {t("crm.pipeline.moreNotShown", { count: hidden })}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function ProspectCard({
  prospect: p,
  stage,
  stages,
  canMove,
  showOwner,
  dimmed,
  onPointerDown,
  onMove,
  onOpen,
}: {
  prospect: Prospect;
  stage: string;
  stages: { stage: string; name: string }[];
  canMove: boolean;
  showOwner: boolean;
  dimmed: boolean;
  onPointerDown: ReturnType<typeof useBoardDrag>["onPointerDown"];
  onMove: (prospectId: string, toStage: string) => void;
  onOpen: (prospectId: string) => void;
}) {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  const name = p.customer_name ?? p.customer_code ?? p.prospect_code;
  return (
    <article
      data-testid={`prospect-card-${p.prospect_code}`}
      data-prospect-id={p.id}
      aria-label={`${name} — ${p.prospect_code}`}
      onPointerDown={(e) => onPointerDown(e, p.id, stage)}
      className={cn(
        "group relative rounded-md border border-border bg-surface p-3 text-sm shadow-xs select-none",
        canMove && "cursor-grab active:cursor-grabbing",
        dimmed && "opacity-40",
      )}
    >
      <CardBody prospect={p} showOwner={showOwner} onOpen={() => onOpen(p.id)} />
      {canMove ? (
        <div className="absolute top-2 right-2 flex items-center gap-0.5">
          <span
            data-drag-handle
            aria-hidden
            className="hidden touch-none rounded p-1 text-slate-500 [@media(pointer:coarse)]:block"
          >
            <GripVertical className="size-4" />
          </span>
          <DropdownMenu modal={false}>
            <DropdownMenuTrigger asChild>
              <Button
                variant="ghost"
                size="icon-sm"
                data-no-drag
                data-testid="move-menu"
                aria-label={t("crm.pipeline.moveTo", { code: p.prospect_code })}
                title={t("crm.pipeline.moveToShort")}
              >
                <ArrowRightLeft aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuLabel>{t("crm.pipeline.moveToShort")}</DropdownMenuLabel>
              {stages
                .filter((s) => s.stage !== stage)
                .map((s) => (
                  <DropdownMenuItem
                    key={s.stage}
                    data-testid={`move-to-${s.stage}`}
                    onSelect={() => onMove(p.id, s.stage)}
                  >
                    {stageLabel(s.stage, s.name)}
                  </DropdownMenuItem>
                ))}
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      ) : null}
    </article>
  );
}

function CardBody({
  prospect: p,
  showOwner,
  onOpen,
}: {
  prospect: Prospect;
  showOwner: boolean;
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = p.customer_name ?? p.customer_code ?? p.prospect_code;
  const overdue =
    p.expected_close_date !== null &&
    p.expected_close_date !== undefined &&
    p.stage !== "won" &&
    p.stage !== "lost" &&
    p.expected_close_date < todayInJakarta();
  return (
    <>
      <div className="pr-8 [@media(pointer:coarse)]:pr-16">
        {onOpen ? (
          <button
            type="button"
            onClick={onOpen}
            className="text-left font-semibold text-navy-900 hover:underline"
          >
            {name}
          </button>
        ) : (
          <span className="font-semibold text-navy-900">{name}</span>
        )}
        <p className="text-xs text-muted">{p.prospect_code}</p>
      </div>
      <p className="mt-2 font-semibold text-foreground tabular" data-testid="card-value">
        {formatIDR(p.expected_value, locale)}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
        <span
          className={cn("inline-flex items-center gap-1", overdue && "font-medium text-danger")}
          title={t("crm.pipeline.closeDate")}
        >
          <CalendarDays aria-hidden className="size-3.5" />
          <span className="sr-only">{t("crm.pipeline.closeDate")}: </span>
          {p.expected_close_date
            ? formatDate(p.expected_close_date)
            : t("crm.pipeline.noCloseDate")}
        </span>
        {showOwner && p.owner_name ? (
          <span className="inline-flex items-center gap-1" title={t("crm.owner.label")}>
            <UserRound aria-hidden className="size-3.5" />
            {p.owner_name}
          </span>
        ) : null}
      </div>
      {p.stage === "lost" && p.lost_reason ? (
        <p className="mt-2 line-clamp-2 text-xs text-danger">
          {t("crm.pipeline.lostReason")}: {p.lost_reason}
        </p>
      ) : null}
    </>
  );
}

/** The card following the pointer while it is dragged (ignored by hit-testing). */
function DragGhost({ drag, prospect }: { drag: DragState; prospect: Prospect }) {
  return createPortal(
    <div
      aria-hidden
      className="pointer-events-none fixed top-0 left-0 z-50 rotate-2 rounded-md border border-accent-500 bg-surface p-3 text-sm shadow-xl"
      style={{
        width: drag.width,
        transform: `translate(${drag.x - drag.grabX}px, ${drag.y - drag.grabY}px) rotate(2deg)`,
      }}
    >
      <CardBody prospect={prospect} showOwner={false} />
    </div>,
    document.body,
  );
}
