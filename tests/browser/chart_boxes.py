"""What a reader sees of a report's charts, measured in Chromium: every chart's width,
and for every text of a chart the box it covers on screen (rotated labels as rotated
boxes), compared with the other texts, the chart's plotted lines and interval bands
(Vega's line and rule marks, with their stroke width) and the chart's own bounds.

``PROBLEMS`` is evaluated in the page (``page.evaluate(PROBLEMS, max_width)``) and
returns one short description per problem, naming the chart and the texts involved."""

# ruff: noqa: E501  (the JavaScript below keeps its own line lengths)
from __future__ import annotations

#: The selector of a report's charts: Vega charts drawn by vega-embed, the canvas's
#: curve (inline SVG drawn by vl-convert) and the canvas's tables.
CHARTS = ".vega-embed svg.marks, .klantreis-canvas svg, .klantreis-canvas table"

PROBLEMS = r"""(maxWidth) => {
  const TOL = 0.75;  // px: boxes that merely touch are fine
  const MIN_PX = 8;  // the smallest readable text (chart labels are 9 to 11 px)
  const problems = [];
  const quad = (el) => {
    const b = el.getBBox();
    const m = el.getScreenCTM();
    return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
      .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
  };
  const shrink = (q, by) => {
    const cx = q.reduce((s, p) => s + p[0], 0) / 4, cy = q.reduce((s, p) => s + p[1], 0) / 4;
    return q.map(([x, y]) => {
      const dx = x - cx, dy = y - cy, len = Math.hypot(dx, dy) || 1;
      return [x - dx / len * by, y - dy / len * by];
    });
  };
  const axes = (q) => [0, 1].map(i => {
    const [a, b] = [q[i], q[i + 1]];
    return [b[1] - a[1], a[0] - b[0]];
  });
  const project = (q, ax) => {
    const v = q.map(([x, y]) => x * ax[0] + y * ax[1]);
    return [Math.min(...v), Math.max(...v)];
  };
  const overlap = (p, q) => [...axes(p), ...axes(q)].every(ax => {
    const [a0, a1] = project(p, ax), [b0, b1] = project(q, ax);
    return a1 > b0 && b1 > a0;
  });
  const inside = ([x, y], q, margin) => axes(q).every((ax, i) => {
    const len = Math.hypot(ax[0], ax[1]) || 1;
    const [lo, hi] = project(q, ax);
    const v = x * ax[0] + y * ax[1];
    return v > lo - margin * len && v < hi + margin * len;
  });
  const visible = (el) => {
    for (let node = el; node && node.tagName !== 'svg'; node = node.parentNode) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
    }
    return (el.textContent || '').trim() !== '' && el.getBBox().width > 0;
  };
  const rectQuad = (r) => [[r.left, r.top], [r.right, r.top], [r.right, r.bottom], [r.left, r.bottom]];
  const within = (q, r, tol) => q.every(([x, y]) =>
    x >= r.left - tol && x <= r.right + tol && y >= r.top - tol && y <= r.bottom + tol);
  const name = (el) => JSON.stringify((el.textContent || '').trim().slice(0, 60));
  const title = (svg) => {
    const first = svg.querySelector('.role-title-text text, text');
    return first ? JSON.stringify(first.textContent.trim().slice(0, 40)) : '(untitled)';
  };
  // Points along the chart's plotted lines (every 1.5 px) with half their stroke width.
  const linePoints = (svg) => {
    const out = [];
    const add = (el, pts) => {
      const w = parseFloat(getComputedStyle(el).strokeWidth || el.getAttribute('stroke-width') || '1');
      const m = el.getScreenCTM();
      const scale = Math.hypot(m.a, m.b);
      for (const [x, y] of pts) out.push([m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f, w * scale / 2]);
    };
    for (const path of svg.querySelectorAll('.mark-line.role-mark path, .mark-trail.role-mark path')) {
      if (!(path.getAttribute('d') || '').trim()) continue;  // a line without points (no data in it)
      const total = path.getTotalLength();
      const pts = [];
      for (let at = 0; at <= total; at += 1.5) { const p = path.getPointAtLength(at); pts.push([p.x, p.y]); }
      add(path, pts);
    }
    return out;
  };
  // The stroked area of every rule (Vega's rule marks: dashed lines, interval bands):
  // a rotated rectangle, half the stroke wide on each side, longer at the ends only
  // when the line has round or square caps.
  const ruleQuads = (svg) => [...svg.querySelectorAll('.mark-rule.role-mark line')].map(line => {
    const m = line.getScreenCTM();
    const at = (x, y) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
    const x1 = +(line.getAttribute('x1') || 0), y1 = +(line.getAttribute('y1') || 0);
    const x2 = +(line.getAttribute('x2') || 0), y2 = +(line.getAttribute('y2') || 0);
    const style = getComputedStyle(line);
    const half = parseFloat(style.strokeWidth || '1') / 2;
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len];
    const cap = style.strokeLinecap === 'butt' ? 0 : half;
    const [nx, ny] = [-uy * half, ux * half];
    const [ax, ay, bx, by] = [x1 - ux * cap, y1 - uy * cap, x2 + ux * cap, y2 + uy * cap];
    return [at(ax + nx, ay + ny), at(bx + nx, by + ny), at(bx - nx, by - ny), at(ax - nx, ay - ny)];
  });
  // The plot area a mark's text belongs to: its view's background.
  const cellOf = (el) => {
    for (let g = el.parentNode; g && g.tagName !== 'svg'; g = g.parentNode) {
      if (g.classList && g.classList.contains('mark-group')) {
        for (const child of g.children) {
          if (child.tagName === 'g') {
            const bg = child.querySelector(':scope > path.background');
            if (bg && bg.getBBox().width > 0) return bg.getBoundingClientRect();
          }
        }
      }
    }
    return null;
  };
  const charts = [...document.querySelectorAll('CHARTS')];
  charts.forEach((chart, number) => {
    const box = chart.getBoundingClientRect();
    const label = `chart ${number + 1} (${chart.tagName.toLowerCase()} ${chart.tagName === 'svg' ? title(chart) : ''})`;
    if (box.width > maxWidth + 1) problems.push(`${label}: ${Math.round(box.width)} px wide, the page has ${maxWidth} px`);
    if (box.right > document.documentElement.clientWidth + 1)
      problems.push(`${label}: ends at ${Math.round(box.right)} px, beyond the page`);
    let parent = chart.parentElement;
    for (; parent && parent !== document.body; parent = parent.parentElement) {
      if (parent.scrollWidth > parent.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(parent).overflowX))
        problems.push(`${label}: its box ${parent.className} scrolls sideways (${parent.scrollWidth} > ${parent.clientWidth})`);
    }
    if (chart.tagName !== 'svg') return;
    const svgBox = box;
    const cropped = chart.closest('.klantreis-canvas') !== null;  // a curve cut to its columns
    const texts = [];
    for (const el of chart.querySelectorAll('text')) {
      if (!visible(el)) continue;
      const q = quad(el);
      if (cropped && !q.some(p => within([p], svgBox, 0))) continue;  // wholly on another block
      texts.push({el, q: shrink(q, TOL)});
      const m = el.getScreenCTM();
      const size = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b);
      if (size < MIN_PX) problems.push(`${label}: text ${name(el)} is ${size.toFixed(1)} px small`);
      if (!within(q, svgBox, 1)) problems.push(`${label}: text ${name(el)} leaves the chart`);
      if (el.closest('.role-mark') && !cropped) {
        const cell = cellOf(el);
        if (cell && !within(q, cell, 1)) problems.push(`${label}: text ${name(el)} leaves the plot`);
      }
    }
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        if (overlap(texts[i].q, texts[j].q))
          problems.push(`${label}: texts ${name(texts[i].el)} and ${name(texts[j].el)} overlap`);
    const rules = ruleQuads(chart);
    for (const t of texts) {
      if (rules.some(r => overlap(t.q, r))) problems.push(`${label}: text ${name(t.el)} crosses a rule or band`);
    }
    const points = linePoints(chart);
    for (const t of texts) {
      const hit = points.find(([x, y, half]) => inside([x, y], t.q, half));
      if (hit) {
        const xs = t.q.map(p => p[0] - svgBox.left), ys = t.q.map(p => p[1] - svgBox.top);
        const at = `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} × ${Math.round(Math.min(...ys))}–${Math.round(Math.max(...ys))}`;
        problems.push(`${label}: text ${name(t.el)} (${at}) crosses a line at (${Math.round(hit[0] - svgBox.left)}, ${Math.round(hit[1] - svgBox.top)}) of the chart`);
      }
    }
  });
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  return problems;
}""".replace("CHARTS", CHARTS)

#: How many charts of each kind the page shows (so a test knows it measured some).
COUNT = f"() => document.querySelectorAll('{CHARTS}').length"
