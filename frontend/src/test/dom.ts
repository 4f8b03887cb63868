/**
 * For component tests: import first in a file that starts with
 * `// @vitest-environment jsdom`. Adds jest-dom's matchers, unmounts after each test
 * and reads the UI in English (node tests stay in the node environment).
 */
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll } from "vitest";
import i18n from "@/i18n";

beforeAll(async () => {
  await i18n.changeLanguage("en");
});

afterEach(() => {
  cleanup();
});
