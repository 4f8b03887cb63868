/** Groups a person's tasks the way a to-do list reads: overdue, today, upcoming, done. */
import { TASK_STATUS_VALUES, type TaskStatus } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";
import { jakartaDate } from "./dates";

export type TaskGroupKey = "overdue" | "today" | "upcoming" | "done";
export const TASK_GROUPS: readonly TaskGroupKey[] = ["overdue", "today", "upcoming", "done"];

interface TaskLike {
  status: string;
  due_at: string;
}

export function taskGroup(task: TaskLike, now: Date = new Date()): TaskGroupKey {
  if (task.status !== "open") return "done";
  const due = new Date(task.due_at);
  if (due.getTime() < now.getTime()) return "overdue";
  return jakartaDate(due) === jakartaDate(now) ? "today" : "upcoming";
}

export function groupTasks<T extends TaskLike>(
  tasks: readonly T[],
  now: Date = new Date(),
): Record<TaskGroupKey, T[]> {
  const out: Record<TaskGroupKey, T[]> = { overdue: [], today: [], upcoming: [], done: [] };
  for (const task of tasks) out[taskGroup(task, now)].push(task);
  const byDue = (a: T, b: T) => a.due_at.localeCompare(b.due_at);
  out.overdue.sort(byDue);
  out.today.sort(byDue);
  out.upcoming.sort(byDue);
  out.done.sort((a, b) => b.due_at.localeCompare(a.due_at));
  return out;
}

/** A server status as a known task status (anything unknown reads as open). */
export function statusKey(status: string): TaskStatus {
  return isOneOf(TASK_STATUS_VALUES, status) ? status : "open";
}
