// @vitest-environment jsdom
import "@/test/dom";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HEAT_COLORS } from "../lib/heatmap";
import { Heatmap } from "./heatmap";

describe("Heatmap", () => {
  it("draws 168 cells, the busiest the darkest, with a legend", () => {
    render(
      <Heatmap
        label="Load"
        cells={[
          { weekday: 3, hour: 10, incoming: 40 },
          { weekday: 1, hour: 0, incoming: 5 },
        ]}
      />,
    );
    const cells = screen.getAllByTestId("heatmap-cell");
    expect(cells).toHaveLength(168);
    const peak = cells.find((c) => c.dataset.weekday === "3" && c.dataset.hour === "10");
    expect(peak?.dataset.count).toBe("40");
    expect(peak?.getAttribute("title")).toBe("Wednesday 10:00: 40");
    expect(peak?.style.background).toBe("rgb(11, 31, 58)");
    expect(screen.getByRole("img", { name: "Load" })).toBeInTheDocument();
    expect(screen.getByTestId("wa-heatmap-legend")).toHaveTextContent("1–10");
    expect(HEAT_COLORS).toHaveLength(5);
  });

  it("stays a full grid without messages", () => {
    render(<Heatmap label="Load" cells={[]} />);
    expect(screen.getAllByTestId("heatmap-cell")).toHaveLength(168);
    expect(screen.getByTestId("wa-heatmap-legend")).toHaveTextContent("0");
  });
});
