// Load a GraphML or GEXF file with graphology (the reader Gephi Lite uses) and print every
// node and edge with its attributes as JSON, for tests/test_exports.py to compare.
// Usage: node read-graph.js FILE.graphml|FILE.gexf
"use strict";
const fs = require("fs");
const {MultiGraph} = require("graphology");
const {DOMParser} = require("@xmldom/xmldom");

const file = process.argv[2];
const text = fs.readFileSync(file, "utf-8");
const reader = file.endsWith(".gexf") ? require("graphology-gexf") : require("graphology-graphml");
// graphology's parsers in Node need an XML DOM parser; the one they depend on is given here.
const graph = reader.parse(MultiGraph, new DOMParser().parseFromString(text, "application/xml"));
const out = {
  nodes: graph.mapNodes((key, attributes) => ({key, attributes})),
  edges: graph.mapEdges((key, attributes, source, target) => ({key, source, target, attributes})),
};
process.stdout.write(JSON.stringify(out));
