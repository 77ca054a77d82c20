// The drawing of a vis-network page: CG.vis (nodes, edges, options) into #mynetwork, as the
// globals nodes, edges and network the page scripts use. Without nodes in CG.vis, the page
// starts with those of CG.eras[CG.initial] (the province map: its eras hold them anyway).
var nodes, edges, network;
(function () {
  var V = CG.vis || {};
  var start = V.nodes ? V : ((CG.eras && CG.eras[CG.initial]) || {});
  nodes = new vis.DataSet(start.nodes || []);
  edges = new vis.DataSet(start.edges || []);
  network = new vis.Network(document.getElementById('mynetwork'), {nodes: nodes, edges: edges},
                            V.options || {});
})();
