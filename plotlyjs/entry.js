// plotly.js with only the trace types Kommuneøkonomi draws: scatter (in plotly's core), bar,
// heatmap (Om dataene's coverage), scattergeo and choropleth (the maps).
// tests/test_plotly_bundle.py checks that every exhibit's traces are among these.
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/scattergeo'),
    require('plotly.js/lib/choropleth')
]);

module.exports = Plotly;
