// The browser build, tested in headless Chromium (CI stage "web"):
//
//   node web/test.mjs SITE_DIR SHOTS_DIR RESULTS_DIR
//
// Serves SITE_DIR (what web/build.sh wrote) on localhost, opens it in the system's Chromium
// (WebGL2 through SwiftShader) driven by puppeteer-core, and fails unless:
// - the title screen renders: a screenshot with many colours, and the time to its first frame;
// - the platform seam's self-test passes in the page (the same checks `cargo test` runs on the
//   desktop: src/platform/mod.rs);
// - a click on "Start" (found on the screenshot by tesseract) starts the café, and a few seconds
//   later the day counter has advanced;
// - the game's autosaves are in IndexedDB, and after the page is reloaded the title lists them,
//   and a click on one loads it at the day it was saved;
// - the settings round-trip through local storage;
// - the class view takes the teams' results files in RESULTS_DIR through the file picker (several
//   at once): the results files are kept in IndexedDB, a file that is not one is refused, and the
//   teams are ranked on the screen (their files replayed in slices, OCR), and each desktop-made
//   game replays in the page to every one of its figures;
// - the browser console shows no error;
// - a browser asking for Chinese gets the loading screen and the title in Chinese (OCR);
// - a browser without WebGL2 gets a message saying so.
// Screenshots go to SHOTS_DIR (a CI artifact: look at them).
import { createServer } from "node:http";
import { readFile, writeFile, mkdir, readdir } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import os from "node:os";

const [site, shots, teams] = process.argv.slice(2);
if (!site || !shots || !teams) {
  console.error("usage: node web/test.mjs SITE_DIR SHOTS_DIR RESULTS_DIR");
  process.exit(2);
}
const tools = process.env.CF_WEB_TOOLS || path.join(os.homedir(), ".cache/customer-first-web-tools");
const require = createRequire(path.join(tools, "node_modules/"));
const puppeteer = require("puppeteer-core");
await mkdir(shots, { recursive: true });

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".otf": "font/otf", ".txt": "text/plain" };
const server = createServer(async (req, res) => {
  const name = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "index.html";
  const file = path.join(site, path.normalize(name));
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/`;

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist",
    "--window-size=1280,720", "--lang=en-US"],
  defaultViewport: { width: 1280, height: 720 },
});
const errors = [];
const page = await browser.newPage();
page.on("console", (m) => {
  if (m.type() === "error") errors.push(m.text());
});
page.on("pageerror", (e) => errors.push(String(e)));

// Long tasks (the page's main thread busy for more than 50 ms at a stretch), as the browser
// reports them: where the page could freeze.
await page.evaluateOnNewDocument(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      // With where the game was when the browser reported it (just after the task).
      const at = window.customerFirst ? `${window.customerFirst.status.screen} day ${window.customerFirst.status.day}` : "loading";
      for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration), at]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
});
async function longTasks(what) {
  const tasks = await page.evaluate(() => window.__longTasks.splice(0));
  const worst = [...tasks].sort((a, b) => b[1] - a[1]);
  console.log(`long tasks ${what}: ${tasks.length}, the longest ${worst.slice(0, 6).map((t) => `${t[1]} ms (${t[2]})`).join(", ") || "-"}`);
  return worst.map((t) => t[1]);
}

async function waitFor(what, fn, seconds) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await page.evaluate(fn).catch(() => false)) return true;
    await sleep(250);
  }
  check(false, `${what} (waited ${seconds} s)`);
  return false;
}

// Distinct colours in a PNG, counted by the page itself (no image library needed here).
async function colours(png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, Buffer.from(png).toString("base64"));
}

async function shot(name) {
  const file = path.join(shots, name + ".png");
  const png = await page.screenshot({ path: file });
  return { file, png };
}

// The screenshot at twice its size (tesseract reads small UI text better so), scaled by the page
// itself, so no image tool is needed here.
async function doubled(png) {
  const b64 = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = "data:image/png;base64," + src;
    await img.decode();
    const c = new OffscreenCanvas(img.width * 2, img.height * 2);
    const g = c.getContext("2d");
    g.imageSmoothingQuality = "high";
    g.drawImage(img, 0, 0, img.width * 2, img.height * 2);
    const blob = await c.convertToBlob({ type: "image/png" });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, Buffer.from(png).toString("base64"));
  return Buffer.from(b64, "base64");
}

// The centre of the first run of words on a screenshot that reads `words` (tesseract), in page
// pixels.
async function find(shotTaken, words) {
  const big = shotTaken.file.replace(/\.png$/, "-2x.png");
  await writeFile(big, await doubled(shotTaken.png));
  const tsv = execFileSync("tesseract", [big, "-", "--psm", "11", "tsv"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const rows = tsv.trim().split("\n").slice(1).map((l) => l.split("\t"))
    .filter((r) => r.length >= 12 && r[11].trim() !== "")
    .map((r) => ({ left: +r[6], top: +r[7], width: +r[8], height: +r[9], text: r[11].trim() }));
  // The words as written (a button's "Start", not a briefing's "start"); of several, the
  // tallest (a button's text is larger than the prose around it).
  const want = words.split(" ");
  const clean = (t) => t.replace(/[^\p{L}\p{N}]/gu, "");
  let best = null;
  for (let i = 0; i + want.length <= rows.length; i++) {
    const run = rows.slice(i, i + want.length);
    if (run.every((r, j) => clean(r.text) === want[j])) {
      const first = run[0], last = run[run.length - 1];
      if (!best || first.height > best.height) {
        best = { x: (first.left + last.left + last.width) / 4, y: (first.top + first.height / 2) / 2, height: first.height };
      }
    }
  }
  return best;
}

// Scrolls the screen under the mouse to its end, and takes a screenshot.
async function scrolledDown(name) {
  await page.mouse.move(640, 400);
  for (let i = 0; i < 5; i++) {
    await page.mouse.wheel({ deltaY: 600 });
    await sleep(150);
  }
  // egui eases a scroll over several frames, and SwiftShader draws about ten a second.
  await sleep(3000);
  return shot(name);
}

async function clickOn(shotTaken, words) {
  const at = await find(shotTaken, words);
  check(at !== null, `"${words}" is on the screen (${path.basename(shotTaken.file)}${at ? ` at ${Math.round(at.x)},${Math.round(at.y)}` : ""})`);
  if (at) {
    // As a hand does it, over a few frames (SwiftShader draws slowly): move, press, release.
    await page.mouse.move(at.x, at.y);
    await sleep(400);
    await page.mouse.down();
    await sleep(300);
    await page.mouse.up();
    await sleep(500);
  }
  return at !== null;
}

try {
  const started = Date.now();
  await page.goto(url, { waitUntil: "load" });
  // The first frame, or the page's message that the game could not load (then at once).
  await waitFor("the title screen's first frame or a load failure",
    () => window.customerFirst.status.firstFrameMs !== null || document.getElementById("problem").style.display === "block", 240);
  const problem = await page.evaluate(() => document.getElementById("problem").textContent);
  check(problem === "", `the game loads${problem ? ": " + problem : ""}`);
  if (await page.evaluate(() => window.customerFirst.status.firstFrameMs !== null)) {
    const ms = await page.evaluate(() => window.customerFirst.status.firstFrameMs);
    console.log(`time to first frame: ${(ms / 1000).toFixed(1)} s after navigation (${((Date.now() - started) / 1000).toFixed(1)} s wall)`);
  }
  await sleep(1500);
  await longTasks("to the title's first frame");
  // A baseline: the title drawn with nothing else to do (SwiftShader draws on the CPU).
  await sleep(4000);
  await longTasks("on the title, idle");
  const title = await shot("title");
  const n = await colours(title.png);
  check(n >= 200, `the title screen has many colours (${n})`);
  check(await page.evaluate(() => window.customerFirst.status.screen === "Title"), "the game is on its title screen");

  const seam = await page.evaluate(async () => (await import("./customer-first.js")).platform_self_test());
  check(seam === "", `the platform seam's self-test passes in the page${seam ? ": " + seam : ""}`);

  // Start the café (the default scenario, chosen) with a click on Start, below the list of
  // businesses: the title scrolls there first (at 1280x720 the list fills the screen).
  const bottom = await scrolledDown("title-scrolled");
  if (await clickOn(bottom, "Start")) {
    // The briefing, then the first-run guide: Enter begins, S skips the guide.
    await waitFor("the game starts", () => window.customerFirst.status.screen === "Playing", 30);
    await sleep(1000);
    await shot("briefing");
    // Enter closes the briefing (or moves the guide on), S skips the guide; again until the
    // settings say so (a slow machine may draw the briefing after the first keys).
    const skipped = () => /guide_done:\s*true/.test(localStorage.getItem("customer-first/settings.ron") || "");
    for (let i = 0; i < 6 && !(await page.evaluate(skipped)); i++) {
      await page.keyboard.press("Enter");
      await sleep(800);
      await page.keyboard.press("KeyS");
      await sleep(1200);
    }
    await page.keyboard.press("Digit5"); // the fastest speed
    const day0 = await page.evaluate(() => window.customerFirst.status.day);
    await sleep(8000);
    const day1 = await page.evaluate(() => window.customerFirst.status.day);
    check(day1 > day0, `the day counter advanced (day ${day0} → ${day1})`);
    await longTasks("while starting and playing");
    await shot("playing");
    // The game autosaves every 7 days (keeping the last three of a game).
    await waitFor("a week played, for an autosave", () => window.customerFirst.status.day >= 8, 120);
    await page.keyboard.press("Space"); // pause
    await page.evaluate(() => window.customerFirst.settled());
    const stored = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open("customer-first", 1);
      open.onsuccess = () => {
        const keys = open.result.transaction("files").objectStore("files").getAllKeys();
        keys.onsuccess = () => resolve(keys.result.map(String));
      };
      open.onerror = () => resolve([]);
    }));
    const saved = stored.filter((k) => /\/saves\/autosave-.*-day-\d+\.ron$/.test(k))
      .map((k) => Number(k.match(/-day-(\d+)\.ron$/)[1]));
    check(saved.length > 0, `the autosaves are in IndexedDB (${stored.join(", ")})`);
    const settings = await page.evaluate(() => localStorage.getItem("customer-first/settings.ron"));
    check(settings !== null && /guide_done:\s*true/.test(settings), "the settings are in local storage (the guide skipped)");

    // A new visit: the save is listed, and loads at its day.
    await page.reload({ waitUntil: "load" });
    await waitFor("the title screen after a reload", () => window.customerFirst.status.firstFrameMs !== null, 240);
    await sleep(1500);
    await shot("title-after-reload");
    const again = await scrolledDown("title-after-reload-scrolled");
    if (await clickOn(again, "Autosave")) {
      await waitFor("the autosave loads", () => window.customerFirst.status.screen === "Playing", 30);
      await sleep(500);
      const day = await page.evaluate(() => window.customerFirst.status.day);
      check(saved.includes(day), `the loaded game is at a saved day (day ${day}; saved: ${saved.join(", ")})`);
      await shot("loaded");
    }

    // The class view: the trainer adds the teams' results files through the file picker.
    await page.reload({ waitUntil: "load" });
    await waitFor("the title screen after a reload", () => window.customerFirst.status.firstFrameMs !== null, 240);
    await sleep(1500);
    if (await clickOn(await scrolledDown("title-for-class"), "Class view")) {
      await waitFor("the class view opens", () => window.customerFirst.status.screen === "Class", 30);
      await sleep(1500);
      const files = (await readdir(teams)).sort().map((f) => path.join(teams, f));
      const empty = await shot("class-empty");
      const emptyWords = execFileSync("tesseract", [empty.file, "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      check(/No results files here yet/.test(emptyWords) && !/--results/.test(emptyWords),
        "the empty class view says how to add files in a browser (no command line)");
      const chooser = page.waitForFileChooser({ timeout: 15000 });
      if (await clickOn(empty, "Add the")) {
        const picker = await chooser.catch(() => null);
        check(picker !== null && picker.isMultiple(), "the file picker opens, for several files at once");
        if (picker) {
          await picker.accept(files);
          const kept = async () => page.evaluate(() => new Promise((resolve) => {
            const open = indexedDB.open("customer-first", 1);
            open.onsuccess = () => {
              const keys = open.result.transaction("files").objectStore("files").getAllKeys();
              keys.onsuccess = () => resolve(keys.result.map(String).filter((k) => /\/results\//.test(k)));
            };
            open.onerror = () => resolve([]);
          }));
          const good = files.filter((f) => !/broken/.test(f)).map((f) => path.basename(f));
          const end = Date.now() + 60000;
          let stored = [];
          while (Date.now() < end) {
            await page.evaluate(() => window.customerFirst.settled());
            stored = await kept();
            if (good.every((g) => stored.some((k) => k.endsWith("/" + g)))) break;
            await sleep(500);
          }
          check(good.every((g) => stored.some((k) => k.endsWith("/" + g))), `the teams' results files are kept in IndexedDB (${stored.join(", ")})`);
          check(!stored.some((k) => /broken/.test(k)), "a file that is not a results file is not kept");
          // Reading the class replays every team's game (in slices, between frames).
          await sleep(8000);
          await longTasks("while the class view read the teams' files");
          const ranked = await shot("class");
          const words = execFileSync("tesseract", [ranked.file, "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
          check(/Team Blue/.test(words) && /Team Red/.test(words), "the class view ranks both teams (OCR: Team Blue, Team Red)");
          check(/Not added/.test(words), "the class view says which file was not added (OCR: Not added)");
          // The files were written by the desktop build: the page's own replay of each game
          // gives every figure again (the same world in the browser as on a desktop).
          const replayed = (words.match(/replayed here: every figure/g) || []).length;
          check(replayed === 2, `the page replays both desktop-made games to their figures (OCR: "replayed here: every figure" ×${replayed})`);
          await sleep(4000);
          await longTasks("with the class view idle");
        }
      }
    }
  }
  check(errors.length === 0, `no error in the browser console${errors.length ? ":\n  " + errors.join("\n  ") : ""}`);

  // A browser that asks for Chinese (a fresh profile, nothing stored): the page and the game
  // speak Chinese, at 1024x768.
  const zhContext = await browser.createBrowserContext();
  const zh = await zhContext.newPage();
  await zh.setViewport({ width: 1024, height: 768 });
  await zh.evaluateOnNewDocument(() => Object.defineProperty(navigator, "language", { get: () => "zh-CN" }));
  const zhErrors = [];
  zh.on("console", (m) => { if (m.type() === "error") zhErrors.push(m.text()); });
  await zh.goto(url, { waitUntil: "load" });
  const loadingText = await zh.evaluate(() => document.getElementById("loading-text").textContent);
  check(loadingText === "正在加载游戏…", `the loading screen speaks Chinese ("${loadingText}")`);
  const zhEnd = Date.now() + 240000;
  while (Date.now() < zhEnd && !(await zh.evaluate(() => window.customerFirst.status.firstFrameMs !== null))) await sleep(250);
  await sleep(1500);
  const zhFile = path.join(shots, "title-zh.png");
  await zh.screenshot({ path: zhFile });
  const zhText = execFileSync("tesseract", [zhFile, "-", "-l", "chi_sim"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).replace(/\s+/g, "");
  check(zhText.includes("选择一门生意") && zhText.includes("咖啡馆"), "the title screen speaks Chinese (OCR: 选择一门生意, 咖啡馆)");
  check(!/Choose a business|Corner Caf/.test(zhText), "no English on the Chinese title screen");
  check(zhErrors.length === 0, `no error in the Chinese page's console${zhErrors.length ? ": " + zhErrors.join("; ") : ""}`);
  await zhContext.close();

  // A browser without WebGL2: the page says so, in words, instead of a blank page.
  const plain = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-3d-apis", "--lang=en-US"],
    defaultViewport: { width: 1280, height: 720 },
  });
  const noGl = await plain.newPage();
  await noGl.goto(url, { waitUntil: "load" });
  await sleep(1500);
  const message = await noGl.evaluate(() => {
    const p = document.getElementById("problem");
    return p.style.display === "block" ? p.textContent : "";
  });
  await noGl.screenshot({ path: path.join(shots, "no-webgl2.png") });
  check(message.includes("WebGL2"), `without WebGL2 the page says so ("${message.slice(0, 60)}…")`);
  await plain.close();
} catch (e) {
  check(false, `the test ran to its end: ${e.stack || e}`);
} finally {
  await browser.close();
  server.close();
}
await writeFile(path.join(shots, "result.txt"), failures.length ? failures.join("\n") + "\n" : "passed\n");
if (failures.length) {
  console.error(`web/test.mjs: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("web/test.mjs: passed");
