// customer-first in a browser: the page's side of the platform seam (src/platform/web.rs).
//
// Files the game writes are kept in memory, so that the game reads them at once, and in the
// browser's storage, so that they are there on the next visit: the settings in local storage
// (small, written at once), everything else (saves, which can be megabytes; results files;
// debriefs) in IndexedDB, one record per file, written in one transaction each, so a record is
// replaced whole or not at all. A write IndexedDB refuses later (its quota reached, a private
// window without storage) is queued as a problem the game reports on screen.
"use strict";
(function () {
  const DB_NAME = "customer-first";
  const STORE = "files";
  const mem = new Map(); // key -> Uint8Array
  const problems = [];
  const status = { frames: 0, screen: "", day: 0, firstFrameMs: null };
  let db = null;
  const picked = []; // {purpose, name, bytes} for each file the player picked, once read

  const isSetting = (key) => key.endsWith("/settings.ron") || key === "settings.ron";

  function openDb() {
    return new Promise((resolve) => {
      let request;
      try {
        request = indexedDB.open(DB_NAME, 1);
      } catch (e) {
        resolve(null);
        return;
      }
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    });
  }

  function readAll(database) {
    return new Promise((resolve) => {
      const tx = database.transaction(STORE, "readonly");
      const store = tx.objectStore(STORE);
      const keys = store.getAllKeys();
      const values = store.getAll();
      tx.oncomplete = () => {
        keys.result.forEach((k, i) => mem.set(String(k), new Uint8Array(values.result[i])));
        resolve();
      };
      tx.onerror = () => resolve();
    });
  }

  const cf = {
    status,
    // Before the game starts: reads what earlier visits stored.
    async open() {
      db = await openDb();
      if (db) await readAll(db);
      try {
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i);
          if (k && isSetting(k)) mem.set(k, new TextEncoder().encode(localStorage.getItem(k)));
        }
      } catch (e) {
        // No local storage (blocked by the browser): the defaults are used.
      }
    },
    has: (key) => mem.has(key),
    get: (key) => mem.get(key) || new Uint8Array(),
    size: (key) => (mem.has(key) ? mem.get(key).length : 0),
    put(key, bytes) {
      const copy = new Uint8Array(bytes); // the game's memory moves: keep a copy
      if (isSetting(key)) {
        try {
          localStorage.setItem(key, new TextDecoder().decode(copy));
        } catch (e) {
          return e.name || String(e);
        }
        mem.set(key, copy);
        return "";
      }
      mem.set(key, copy);
      if (!db) {
        problems.push("NoStorage " + key);
        return "";
      }
      try {
        const tx = db.transaction(STORE, "readwrite");
        tx.objectStore(STORE).put(copy, key);
        const failed = () => problems.push(((tx.error && tx.error.name) || "Error") + " " + key);
        tx.onabort = failed;
      } catch (e) {
        problems.push((e.name || "Error") + " " + key);
      }
      return "";
    },
    remove(key) {
      mem.delete(key);
      if (isSetting(key)) {
        try { localStorage.removeItem(key); } catch (e) { /* nothing kept to remove */ }
      } else if (db) {
        try { db.transaction(STORE, "readwrite").objectStore(STORE).delete(key); } catch (e) { /* gone with the page */ }
      }
    },
    keys: (prefix) => [...mem.keys()].filter((k) => k.startsWith(prefix)).sort().join("\n"),
    takeProblem: () => problems.shift() || "",
    // Every write to IndexedDB so far has finished (for the page's tests).
    settled() {
      if (!db) return Promise.resolve();
      return new Promise((resolve) => {
        const tx = db.transaction(STORE, "readonly");
        tx.oncomplete = resolve;
        tx.onerror = resolve;
        tx.objectStore(STORE).count();
      });
    },
    download(name, mime, bytes) {
      const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: mime }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    },
    // The file picker, for a purpose the game names ("save": one save file; "results":
    // several teams' results files at once); the files arrive in `picked` as they are read.
    pickFile(purpose, multiple) {
      const input = document.createElement("input");
      input.type = "file";
      input.accept = ".ron";
      input.multiple = multiple;
      input.onchange = async () => {
        // All of one pick arrive together, so the game takes them in one go.
        const files = await Promise.all(Array.from(input.files || []).map(async (file) =>
          ({ purpose, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
        picked.push(...files);
      };
      input.click();
    },
    pickedName(purpose) {
      const p = picked.find((f) => f.purpose === purpose);
      return p ? p.name : "";
    },
    takePicked(purpose) {
      const i = picked.findIndex((f) => f.purpose === purpose);
      return i < 0 ? new Uint8Array() : picked.splice(i, 1)[0].bytes;
    },
    // Long work in the game waits for this between slices: kept just after the page's next
    // frame has been drawn, so that the page draws and answers input between two slices.
    nextTurn: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    language() {
      return navigator.language || "";
    },
    // Called by the game every frame: the loading screen goes once the game has drawn.
    frame(screen, day) {
      status.frames += 1;
      status.screen = screen;
      status.day = day;
      if (status.frames === 2) {
        status.firstFrameMs = performance.now();
        if (cf.onFirstFrame) cf.onFirstFrame();
      }
    },
  };
  window.customerFirst = cf;
})();
