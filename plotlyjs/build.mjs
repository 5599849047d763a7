// Builds plotly-kommune.min.js: plotly.js with only the trace types Kommuneøkonomi draws
// (entry.js), with the pinned esbuild and plotly.js of package-lock.json. The settings follow
// plotly.js's own build (node_modules/plotly.js/esbuild-config.js) less the plugins that only
// the omitted traces need (GLSL shaders, inline CSS for tile maps). Same inputs, same bytes:
// `make plotly-check` rebuilds it in a clean copy and compares.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const plotly = JSON.parse(readFileSync('node_modules/plotly.js/package.json', 'utf8'));

await build({
    entryPoints: ['entry.js'],
    outfile: 'plotly-kommune.min.js',
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    banner: {
        js: `/*! plotly.js v${plotly.version} (MIT, Plotly, Inc.): Kommuneøkonomi's bundle, ` +
            'traces scatter, bar, heatmap, scattergeo, choropleth; see plotlyjs/README.md */'
    },
    alias: {
        'd3-geo-projection': './stubs/d3-geo-projection.js',
        'country-iso-search': './stubs/country-iso-search.js'
    },
    define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
    // Only tile maps (not in this bundle) would load maplibre's stylesheet (src/registry.js).
    loader: { '.css': 'empty' },
    target: 'es2016',
    charset: 'utf8',
    logLevel: 'warning'
});
