// Runs before the page's modules: when the view in the address draws charts, ECharts starts loading at
// once (an async script compiles off the main thread), instead of after the modules, the texts and the
// view's own script have come in one after another. The table and query views never load it.
(() => {
  const view = decodeURIComponent(location.hash.substring(1));
  if (['tabel', 'wijzigingen', 'query'].includes(view)) {
    return;
  }
  const meta = document.querySelector('meta[name=actiegraaf-echarts]');
  if (meta && !document.querySelector('script[data-echarts]')) {
    const script = document.createElement('script');
    script.src = meta.content;
    script.async = true;
    script.dataset.echarts = '';
    document.head.append(script);
  }
})();
