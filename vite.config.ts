// Builds the viewer (viewer/) into dist/viewer as a static site with relative URLs, so it works from any server or sub-path.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("./viewer", import.meta.url)),
  base: "./",
  // the graph is not bundled: it sits beside index.html as graph.json, written by `export --format viewer`
  publicDir: false,
  resolve: {
    // graph/export/gexf.ts uses graphology-gexf's writer; its Node entry also loads @xmldom for the parser, the browser
    // entry shares the same writer and leans on the page's DOMParser instead
    alias: [{ find: /^graphology-gexf$/, replacement: "graphology-gexf/browser/index.js" }],
  },
  build: {
    outDir: fileURLToPath(new URL("./dist/viewer", import.meta.url)),
    emptyOutDir: true,
    // sigma is most of the bundle; one file keeps the static site simple to copy
    chunkSizeWarningLimit: 1500,
  },
  server: { host: "127.0.0.1", strictPort: false },
  preview: { host: "127.0.0.1" },
});
