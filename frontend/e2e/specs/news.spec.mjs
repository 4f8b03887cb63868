// News (NEWS-1): an administrator writes a post whose Markdown carries a script, an image
// with an onerror handler and a javascript: link, previews it and publishes it; a
// salesperson opens it and sees the text as text — nothing executes, no script element,
// no onerror attribute, no javascript: link — and finds it in the dashboard's news
// widget. An administrator schedules a post with the dd/mm/yyyy picker: readers do not
// see it, the administrator sees it as scheduled, then deletes it. Every post here is the
// spec's own (a unique title), so other specs' data is untouched.
import {
  api,
  apiLogin,
  assert,
  assertAccessible,
  demo,
  eventually,
  signIn,
  uniqueSuffix,
} from "../lib.mjs";

const HOSTILE = [
  "Halo **semua**, ini pengumuman uji.",
  "",
  "<script>window.__xss=1</script>",
  "",
  '<img src=x onerror="window.__xss=2">',
  "",
  "[x](javascript:window.__xss=3)",
].join("\n");

/** The id of the caller's post titled `title` (via the API). */
async function postId(token, title) {
  const list = await api("GET", "/news?per_page=200", { token });
  assert.equal(list.status, 200);
  return list.json.data.find((p) => p.title === title)?.id;
}

/** What the rendered post holds that could run code. */
function dangerIn(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return { missing: true };
    return {
      xss: typeof window.__xss,
      scripts: document.querySelectorAll(`${sel} script`).length,
      onerror: root.querySelectorAll("[onerror]").length,
      handlers: [...root.querySelectorAll("*")].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith("on")),
      ).length,
      jsLinks: [...root.querySelectorAll("a[href], img[src]")].filter((el) =>
        /^\s*javascript:/i.test(el.getAttribute("href") ?? el.getAttribute("src") ?? ""),
      ).length,
      text: root.textContent ?? "",
    };
  }, selector);
}

const ddmmyyyy = (iso) => iso.split("-").reverse().join("/");
const tomorrowInJakarta = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(
    new Date(Date.now() + 24 * 3600 * 1000),
  );

export const tests = [
  {
    // Named a11y: the runner lifts the CSP for axe (an injected script) in these only.
    name: "a11y: the news page, a post and the writing dialog with its preview",
    async run({ page }) {
      await signIn(page, demo("super_admin"), "/news");
      await page.getByTestId("news-item").first().click();
      await page.getByTestId("news-article").waitFor();
      await assertAccessible(page, "news page with a post");
      await page.getByTestId("news-new").click();
      await page
        .getByTestId("news-body-input")
        .fill("# Judul\n\nIsi **tebal** dan [tautan](https://example.com).");
      await page.getByTestId("news-tab-preview").click();
      await page.locator('[data-testid="news-preview"] h1').waitFor();
      await assertAccessible(page, "news dialog with its preview");
      await page.getByRole("button", { name: "Batal" }).click();
      await page.getByTestId("news-dialog").waitFor({ state: "detached" });
    },
  },
  {
    name: "news: hostile Markdown renders as text for a reader, runs nothing, and reaches the dashboard",
    async run({ page }) {
      const title = `Uji keamanan ${uniqueSuffix()}`;
      await signIn(page, demo("super_admin"), "/news");
      await page.getByTestId("news-new").click();
      await page.getByTestId("news-dialog").waitFor();
      await page.getByTestId("news-title").fill(title);
      await page.getByTestId("news-body-input").fill(HOSTILE);
      // The preview is the server's rendering: the text, nothing executable.
      await page.getByTestId("news-tab-preview").click();
      await page.locator('[data-testid="news-preview"] [data-testid="news-body"]').waitFor();
      const preview = await dangerIn(page, '[data-testid="news-preview"]');
      assert.equal(preview.xss, "undefined");
      assert.deepEqual(
        [preview.scripts, preview.onerror, preview.handlers, preview.jsLinks],
        [0, 0, 0, 0],
      );
      assert.ok(preview.text.includes("<script>window.__xss=1</script>"), preview.text);
      await page.getByTestId("news-save").click();
      await page.getByTestId("news-dialog").waitFor({ state: "detached" });

      const reader = await apiLogin(demo("salesperson"));
      const id = await eventually(async () => {
        const found = await postId(reader.token, title);
        assert.ok(found, "the reader's feed has the post");
        return found;
      });

      await page.context().clearCookies();
      await signIn(page, demo("salesperson"), `/news?id=${id}`);
      await page.getByTestId("news-article").waitFor();
      assert.equal(await page.getByTestId("news-new").count(), 0, "a reader has no New post");
      assert.equal(await page.getByTestId("news-edit").count(), 0, "a reader has no Edit");
      const article = page.getByTestId("news-article");
      assert.ok((await article.innerText()).includes(title));
      const body = await dangerIn(page, '[data-testid="news-article"] [data-testid="news-body"]');
      assert.ok(body.text.includes("Halo semua, ini pengumuman uji."), body.text);
      assert.ok(body.text.includes("<script>window.__xss=1</script>"), body.text);
      assert.ok(body.text.includes('<img src=x onerror="window.__xss=2">'), body.text);
      assert.equal(await page.locator('[data-testid="news-body"] strong').innerText(), "semua");
      assert.deepEqual([body.scripts, body.onerror, body.handlers, body.jsLinks], [0, 0, 0, 0]);
      // Clicking the neutralised link runs nothing either.
      await page.locator('[data-testid="news-article"] [data-testid="news-body"] a').click();
      assert.equal(await page.evaluate(() => typeof window.__xss), "undefined");

      await page.goto("/");
      const widget = page.getByTestId("latest-news");
      await widget.getByText(title).waitFor();
      assert.ok((await page.getByTestId("latest-news-item").count()) <= 3);
      assert.equal(await page.evaluate(() => typeof window.__xss), "undefined");
      await widget.getByText(title).click();
      await page.getByTestId("news-article").waitFor();
      assert.ok(page.url().includes(`id=${id}`), page.url());

      // Leave the shared demo data as it was.
      const admin = await apiLogin(demo("super_admin"));
      assert.equal((await api("DELETE", `/news/${id}`, { token: admin.token })).status, 204);
    },
  },
  {
    name: "news: a post scheduled with the dd/mm/yyyy picker stays hidden from readers until then",
    async run({ page }) {
      const title = `Terjadwal ${uniqueSuffix()}`;
      const day = tomorrowInJakarta();
      await signIn(page, demo("super_admin"), "/news");
      await page.getByTestId("news-new").click();
      await page.getByTestId("news-title").fill(title);
      await page.getByTestId("news-body-input").fill("Libur **besok**.");
      await page.getByTestId("news-publish").selectOption("scheduled");
      // Empty day: the rule says so before anything is sent.
      await page.getByTestId("news-save").click();
      await page.getByTestId("error-day").waitFor();
      await page.getByTestId("news-day").fill(ddmmyyyy(day));
      await page.getByTestId("news-day").press("Enter");
      await page.getByTestId("news-time").fill("09:30");
      await page.getByTestId("news-save").click();
      await page.getByTestId("news-dialog").waitFor({ state: "detached" });

      const admin = await apiLogin(demo("super_admin"));
      const id = await eventually(async () => {
        const found = await postId(admin.token, title);
        assert.ok(found);
        return found;
      });
      const stored = await api("GET", `/news/${id}`, { token: admin.token });
      assert.equal(stored.json.state, "scheduled");
      assert.equal(
        stored.json.published_at,
        new Date(`${day}T09:30:00+07:00`).toISOString().replace(".000Z", "Z"),
      );

      await page.getByTestId("news-item").filter({ hasText: title }).click();
      await page.getByTestId("news-article").waitFor();
      const article = page.getByTestId("news-article");
      assert.equal(await article.getByTestId("news-state").innerText(), "Terjadwal");
      const shown = await article.innerText();
      assert.ok(shown.includes(`Dijadwalkan ${ddmmyyyy(day)} 09:30`), shown);

      const reader = await apiLogin(demo("cs_agent"));
      assert.equal(await postId(reader.token, title), undefined, "a reader lists a scheduled post");
      assert.equal((await api("GET", `/news/${id}`, { token: reader.token })).status, 404);

      await page.getByTestId("news-delete").click();
      await page.getByTestId("confirm-action").click();
      await eventually(async () => {
        assert.equal((await api("GET", `/news/${id}`, { token: admin.token })).status, 404);
      });
      await page.getByTestId("news-item").filter({ hasText: title }).waitFor({ state: "detached" });
    },
  },
];
