// @vitest-environment jsdom
import "@/test/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { DayInput } from "./day-input";

function Harness({ initial, onChange }: { initial: string; onChange: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <DayInput
      data-testid="day"
      value={value}
      onChange={(v) => {
        onChange(v);
        setValue(v);
      }}
    />
  );
}

describe("DayInput", () => {
  it("shows dd/mm/yyyy whatever the browser's locale", () => {
    render(<Harness initial="2026-12-31" onChange={() => undefined} />);
    expect(screen.getByTestId("day")).toHaveValue("31/12/2026");
  });

  it("reads a typed day on Enter and gives it as YYYY-MM-DD", async () => {
    const onChange = vi.fn();
    render(<Harness initial="2026-12-31" onChange={onChange} />);
    const input = screen.getByTestId("day");
    await userEvent.clear(input);
    await userEvent.type(input, "1/2/2026{Enter}");
    expect(onChange).toHaveBeenLastCalledWith("2026-02-01");
    expect(input).toHaveValue("01/02/2026");
  });

  it("hands over unreadable text as typed, so the form can say so", async () => {
    const onChange = vi.fn();
    render(<Harness initial="" onChange={onChange} />);
    const input = screen.getByTestId("day");
    await userEvent.type(input, "31/02/2026");
    await userEvent.tab();
    expect(onChange).toHaveBeenLastCalledWith("31/02/2026");
    expect(input).toHaveValue("31/02/2026");
  });
});
