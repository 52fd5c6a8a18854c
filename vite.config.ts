// Builds the viewer (viewer/) as a static site with relative URLs: by default into dist/viewer for servers (a module
// script that fetches graph.json), with `--mode file` into dist/viewer-file for pages opened from disk (see below).
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { GRAPH_DATA_PLACEHOLDER } from "./viewer/embedded.ts";

/** The mode of the build that `export --format viewer` copies (cli/viewer-build.ts): works from file:// and from servers. */
const FILE_MODE = "file";

// Chromium refuses module scripts and `crossorigin` requests from file:// (origin "null"), and fetch() of a file, so
// the file build loads one classic deferred script and leaves an empty data block for export to put the graph in.
function fileSite(): Plugin {
  return {
    name: "harvestgraph:file-site",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin src=/g, "<script defer src=")
          .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=')
          .replace("</body>", `  ${GRAPH_DATA_PLACEHOLDER}\n  </body>`),
    },
  };
}

export default defineConfig(({ mode }) => {
  const file = mode === FILE_MODE;
  return {
    root: fileURLToPath(new URL("./viewer", import.meta.url)),
    base: "./",
    // the graph is not bundled: served pages fetch graph.json beside index.html, exported pages carry it in index.html
    publicDir: false,
    plugins: file ? [fileSite()] : [],
    resolve: {
      // graph/export/gexf.ts uses graphology-gexf's writer; its Node entry also loads @xmldom for the parser, the browser
      // entry shares the same writer and leans on the page's DOMParser instead
      alias: [{ find: /^graphology-gexf$/, replacement: "graphology-gexf/browser/index.js" }],
    },
    build: {
      outDir: fileURLToPath(new URL(file ? "./dist/viewer-file" : "./dist/viewer", import.meta.url)),
      emptyOutDir: true,
      // sigma is most of the bundle; one file keeps the static site simple to copy
      chunkSizeWarningLimit: 1500,
      ...(file
        ? {
            // one stylesheet linked from the page, and fixed names, so a second export into the same folder replaces them
            cssCodeSplit: false,
            rolldownOptions: {
              output: {
                format: "iife" as const,
                entryFileNames: "assets/viewer.js",
                assetFileNames: "assets/viewer[extname]",
              },
            },
          }
        : {}),
    },
    server: { host: "127.0.0.1", strictPort: false },
    preview: { host: "127.0.0.1" },
  };
});
