import { ArrowRightLeft, CalendarDays, GripVertical, UserRound } from "lucide-react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { currentLocale } from "@/i18n";
import { formatDate, formatIDR, todayInJakarta } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useStageLabel } from "../labels";
import type { Prospect } from "../types";
import { useBoardDrag, type DragState } from "./use-board-drag";

export function ProspectCard({
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
export function DragGhost({ drag, prospect }: { drag: DragState; prospect: Prospect }) {
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
