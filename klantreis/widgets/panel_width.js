// Reports the width (px, in steps of 10) of the box around it, the curve's panel, to
// the kernel (panel_width.py), and again whenever it changes: when the window is
// resized or JupyterLab's file browser is opened or closed. A hidden tab (width 0)
// reports nothing.

function render({ model, el }) {
  let timer = null;
  const target = () => el.closest(".kr-curve-panel") || el.parentElement;
  const report = () => {
    const node = target();
    const width = node ? Math.floor(node.clientWidth / 10) * 10 : 0;
    if (width > 0 && width !== model.get("width")) {
      model.set("width", width);
      model.save_changes();
    }
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(report, 250); };
  const observer = new ResizeObserver(later);
  requestAnimationFrame(() => {
    const node = target();
    if (node) observer.observe(node);
    report();
  });
  return () => { observer.disconnect(); clearTimeout(timer); };
}

export default { render };
