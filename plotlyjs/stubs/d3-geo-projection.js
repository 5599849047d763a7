// Kommuneøkonomi's maps use the Mercator projection, which plotly takes from d3-geo; the extra
// projections of d3-geo-projection (plots/geo/geo.js falls back to them) are left out.
'use strict';

module.exports = {};
