import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { currentLocale } from "@/i18n";
import { formatIDR, formatNumber, formatPercent } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useStageLabel } from "../labels";
import type { Pipeline, PipelineColumn } from "../types";
import { useBoardDrag } from "./use-board-drag";
import { DragGhost, ProspectCard } from "./prospect-card";

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
