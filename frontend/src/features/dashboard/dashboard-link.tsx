import { useRouter } from "@tanstack/react-router";
import type { MouseEvent, ReactNode } from "react";

/** A client-side link to a path the route tree does not type (children of AnyRoute). */
export function AppLink({
  to,
  className,
  testId,
  children,
}: {
  to: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    router.history.push(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} data-testid={testId}>
      {children}
    </a>
  );
}

export const linkClass = "text-navy-800 underline underline-offset-2 hover:text-navy-950";
