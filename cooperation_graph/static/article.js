// articles/<id>.html: one article's facts beside its text. Its nodes are numbered: node k is
// CG.order[k] (an IRI), and a mark's data-facts lists the numbers of the facts it shows.
(function () {
  setTooltips();
  var marks = document.querySelectorAll('#cg-article mark');
  function marksOf(index) {
    return Array.prototype.filter.call(marks, function (m) {
      return (' ' + m.getAttribute('data-facts') + ' ').indexOf(' ' + index + ' ') >= 0;
    });
  }
  function clear() { marks.forEach(function (m) { m.classList.remove('cg-active'); }); }
  network.on('click', function (params) {
    clear();
    if (!params.nodes.length) return;
    var id = params.nodes[0];
    showDetails(id);
    var ms = marksOf(id);
    ms.forEach(function (m) { m.classList.add('cg-active'); });
    if (ms.length) ms[0].scrollIntoView({block: 'center'});
  });
  marks.forEach(function (m) {
    m.addEventListener('click', function () {
      clear(); m.classList.add('cg-active');
      var ids = m.getAttribute('data-facts').split(' ').map(Number).filter(function (k) {
        return k >= 0 && k < CG.order.length;
      });
      network.selectNodes(ids);
      if (ids.length) showDetails(ids[0]);
    });
  });
  setStatus(false);
  whenLaidOut(function () { openFromHash(); setStatus(true); });
})();
