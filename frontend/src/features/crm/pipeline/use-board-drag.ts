import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from "react";

/** How far (px) the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD = 5;
/** Distance (px) from the board's edge that scrolls it while dragging. */
const EDGE = 48;

export interface DragState {
  id: string;
  fromStage: string;
  overStage: string | null;
  /** Pointer position and where inside the card it was grabbed (for the floating copy). */
  x: number;
  y: number;
  grabX: number;
  grabY: number;
  width: number;
}

interface Pending {
  id: string;
  fromStage: string;
  pointerId: number;
  startX: number;
  startY: number;
  grabX: number;
  grabY: number;
  width: number;
  dragging: boolean;
}

/** The stage column under a screen point (the floating copy has pointer-events: none). */
function stageAt(x: number, y: number): string | null {
  const el = document.elementFromPoint(x, y);
  const column = el?.closest<HTMLElement>("[data-stage-column]");
  return column?.dataset.stageColumn ?? null;
}

/** Swallows the click that a browser may fire right after a drop. */
function swallowNextClick() {
  const stop = (e: MouseEvent) => {
    e.stopPropagation();
    e.preventDefault();
  };
  window.addEventListener("click", stop, { capture: true, once: true });
  setTimeout(() => window.removeEventListener("click", stop, { capture: true }), 0);
}

/**
 * Drag-and-drop of pipeline cards with pointer events (mouse, pen, and touch from the
 * card's grip), so it works the same for people and for Playwright's mouse. A press
 * becomes a drag after a few pixels; the drop target is the column under the pointer
 * when it is released; Escape cancels.
 */
export function useBoardDrag({
  enabled,
  boardRef,
  onDrop,
}: {
  enabled: boolean;
  boardRef: React.RefObject<HTMLElement | null>;
  onDrop: (move: { id: string; fromStage: string; toStage: string }) => void;
}) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const pending = useRef<Pending | null>(null);
  const onDropRef = useRef(onDrop);
  useEffect(() => {
    onDropRef.current = onDrop;
  }, [onDrop]);

  const detach = useRef<() => void>(() => undefined);

  const finish = useCallback((drop: { x: number; y: number } | null) => {
    const p = pending.current;
    pending.current = null;
    detach.current();
    document.body.style.removeProperty("user-select");
    setDrag(null);
    if (!p?.dragging) return;
    swallowNextClick();
    if (!drop) return;
    const toStage = stageAt(drop.x, drop.y);
    if (toStage && toStage !== p.fromStage) {
      onDropRef.current({ id: p.id, fromStage: p.fromStage, toStage });
    }
  }, []);

  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLElement>, id: string, fromStage: string) => {
      if (!enabled || e.button !== 0 || pending.current) return;
      const target = e.target as HTMLElement;
      if (target.closest("[data-no-drag]")) return;
      // On touch screens the card scrolls the board; only its grip starts a drag.
      if (e.pointerType === "touch" && !target.closest("[data-drag-handle]")) return;
      const rect = e.currentTarget.getBoundingClientRect();
      pending.current = {
        id,
        fromStage,
        pointerId: e.pointerId,
        startX: e.clientX,
        startY: e.clientY,
        grabX: e.clientX - rect.left,
        grabY: e.clientY - rect.top,
        width: rect.width,
        dragging: false,
      };

      const move = (ev: PointerEvent) => {
        const p = pending.current;
        if (!p || ev.pointerId !== p.pointerId) return;
        if (!p.dragging) {
          if (Math.hypot(ev.clientX - p.startX, ev.clientY - p.startY) < DRAG_THRESHOLD) return;
          p.dragging = true;
          document.body.style.setProperty("user-select", "none");
        }
        ev.preventDefault();
        const board = boardRef.current;
        if (board) {
          const r = board.getBoundingClientRect();
          if (ev.clientX < r.left + EDGE) board.scrollLeft -= 24;
          else if (ev.clientX > r.right - EDGE) board.scrollLeft += 24;
        }
        setDrag({
          id: p.id,
          fromStage: p.fromStage,
          overStage: stageAt(ev.clientX, ev.clientY),
          x: ev.clientX,
          y: ev.clientY,
          grabX: p.grabX,
          grabY: p.grabY,
          width: p.width,
        });
      };
      const up = (ev: PointerEvent) => {
        if (pending.current && ev.pointerId === pending.current.pointerId) {
          finish({ x: ev.clientX, y: ev.clientY });
        }
      };
      const cancel = (ev: PointerEvent) => {
        if (pending.current && ev.pointerId === pending.current.pointerId) finish(null);
      };
      const key = (ev: KeyboardEvent) => {
        if (ev.key === "Escape") finish(null);
      };
      window.addEventListener("pointermove", move, { passive: false });
      window.addEventListener("pointerup", up);
      window.addEventListener("pointercancel", cancel);
      window.addEventListener("keydown", key);
      detach.current = () => {
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", up);
        window.removeEventListener("pointercancel", cancel);
        window.removeEventListener("keydown", key);
        detach.current = () => undefined;
      };
    },
    [enabled, boardRef, finish],
  );

  // Leaving the page mid-drag must not leave listeners behind.
  useEffect(() => () => detach.current(), []);

  return { drag, onPointerDown };
}
