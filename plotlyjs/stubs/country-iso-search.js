// Kommuneøkonomi's maps locate areas by GeoJSON feature id, never by country name
// (locationmode "country names"), so plotly's country-name lookup gets an empty list.
'use strict';

exports.COUNTRIES = [];
exports.createLookup = function () {
    return { lookupAlpha3: function () { return undefined; } };
};
