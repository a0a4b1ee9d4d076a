// The traces the workbook's charts draw (workbook/views/charts): scatter (in plotly.js's core),
// bar and heatmap. workbook/views/plotly_bundle.py's BUNDLE_TRACES names the same three; a test
// (tests/test_plotly_bundle.py) reads them back from the built file in Chromium.
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/heatmap')]);

module.exports = Plotly;
