import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Toaster } from "sonner";
import { session } from "@/api/client";
import { createQueryClient } from "@/app/query-client";
import { createAppRouter } from "@/app/router";
import "@/i18n";
import "./index.css";

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// The one place that reacts to a finished session (logout, rejected refresh).
session.onEnd((reason) => {
  queryClient.clear();
  const { pathname, href } = router.state.location;
  if (pathname === "/login") return;
  void router.navigate({
    to: "/login",
    search: reason === "logout" ? {} : { redirect: href },
    replace: true,
  });
});

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster position="bottom-right" richColors closeButton />
    </QueryClientProvider>
  </StrictMode>,
);
