// Draws each chart of the statistics page from the ECharts option the server wrote beside it
// (a <script type="application/json"> named by the chart's data-chart). Without JavaScript the
// tables under the charts carry the same figures.
(function () {
  if (!window.echarts) {
    return;
  }
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var source = document.getElementById(element.getAttribute('data-chart'));
    if (!source) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(JSON.parse(source.textContent));
    element.setAttribute('data-rendered', 'true');
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
