// The rows of the emotion step: per touchpoint its heading, the smiley buttons, the
// "crucial moment" toggle, a message line and the text fields, all drawn by this one
// widget (see emotion_sheet.py for the state it syncs). Every user text is set with
// textContent, never as HTML.
//
// An edit is sent to the kernel as that one change (row, field, new value and the
// value it was changed from), never as the whole `rows` list: a list that is stale
// here (the kernel's refresh after merging others' saves has not arrived yet) would
// put old values back into other people's rows. Until the kernel acknowledges the
// edit, this view shows it on top of the rows the kernel sends. The kernel saves it;
// a refusal comes back in `notices`, shown under its row.
//
// When a lost connection comes back to the same kernel (the form's connection guard,
// connection.js, says so with a "kr-connection" event), every edit still waiting for
// its acknowledgement is sent again with the same numbers (the kernel applies each
// only once) and its row says it was sent again. When the kernel is gone for good,
// those edits are marked under their rows as not saved.

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function withField(row, field, value) {
  if (field.startsWith("extra.")) {
    return { ...row, extra: { ...(row.extra || {}), [field.slice(6)]: value } };
  }
  return { ...row, [field]: value };
}

function render({ model, el }) {
  const root = element("div", "kr-sheet");
  let views = new Map();
  let order = "";
  // edits sent and not yet acknowledged, by their number: [row id, field, value]
  const pending = new Map();
  let sent = 0;
  // this view's name: edits of other views (tabs) of the same sheet number from 1 too
  const viewId = Math.random().toString(36).slice(2) + Date.now().toString(36);
  // the rows' own messages (after a lost connection), by row id: { kind, text }
  const notes = new Map();

  const current = (row) => {
    let shown = row;
    for (const [id, name, value] of pending.values()) {
      if (id === row.id) shown = withField(shown, name, value);
    }
    return shown;
  };

  const valueOf = (row, name) => (name.startsWith("extra.") ? (row.extra || {})[name.slice(6)] : row[name]);

  const edit = (id, name, value) => {
    if (el.closest(".kr-offline")) return; // the kernel is gone: nothing would be saved
    const view = views.get(id);
    const old = valueOf(view.row, name);
    sent += 1;
    const message = { kind: "edit", view: viewId, seq: sent, id, field: name, value, old: old === undefined ? null : old };
    pending.set(sent, [id, name, value, message]);
    notes.delete(id);
    model.send(message);
    show(view, withField(view.row, name, value));
    showNotices();
  };

  const config = () => model.get("config");
  const label = (name) => ((config().fields || []).find((spec) => spec.name === name) || {}).label
    || (name === "emotion" ? config().group_label : name === "critical" ? config().critical_text : name);

  const connection = (event) => {
    if (!event.target.contains(el) || pending.size === 0) return;
    if (event.detail.state === "back") {
      for (const [id, , , message] of pending.values()) {
        model.send(message);
        notes.set(id, { kind: "info", text: config().resent_text });
      }
    } else if (event.detail.state === "gone") {
      const lost = new Map(); // row id: the labels of its unsaved fields
      for (const [id, name] of pending.values()) lost.set(id, [...new Set([...(lost.get(id) || []), label(name)])]);
      for (const [id, names] of lost) {
        notes.set(id, { kind: "error", text: config().lost_text.replace("{fields}", names.map((n) => `‘${n}’`).join(", ")) });
      }
    }
    showNotices();
  };

  const acknowledged = (message) => {
    if (message && message.kind === "ack" && message.view === viewId && pending.delete(message.seq)) draw();
  };

  const smileys = (row, view) => {
    const config = model.get("config");
    const group = element("div", "kr-smileys");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", config.group_label);
    for (const point of config.points) {
      const button = element("button", "kr-smiley");
      button.type = "button";
      button.dataset.score = String(point.score);
      button.style.setProperty("--kr-colour", point.colour);
      button.style.setProperty("--kr-tint", point.tint);
      button.title = point.label;
      // named by its word on the scale ("zeer negatief"): the emoji and "✓ gekozen" are
      // hidden from screen readers, which hear the choice from aria-pressed
      const emoji = element("span", "kr-emoji", point.emoji);
      const mark = element("span", "kr-mark", "✓ " + config.chosen_text);
      emoji.setAttribute("aria-hidden", "true");
      mark.setAttribute("aria-hidden", "true");
      button.append(emoji, element("span", "kr-label", point.label), mark);
      button.addEventListener("click", () => edit(row.id, "emotion", point.score));
      group.append(button);
      view.smileys.push([button, point.score]);
    }
    const clear = element("button", "kr-clear", "×");
    clear.type = "button";
    clear.title = config.clear_text;
    clear.setAttribute("aria-label", config.clear_text);
    clear.addEventListener("click", () => edit(row.id, "emotion", null));
    group.append(clear);
    return group;
  };

  const field = (row, view, spec) => {
    // The field sits inside its label: named for screen readers and get_by_label
    // without ids, which would repeat across the sheets of one page.
    const box = element("label", "kr-field");
    let input;
    if (spec.kind === "choice") {
      input = element("select");
      spec.options.forEach((text, index) => {
        const option = element("option", "", text);
        option.value = String(index);
        input.append(option);
      });
    } else if (spec.kind === "area") {
      input = element("textarea");
      input.rows = 2;
    } else {
      input = element("input");
      input.type = "text";
    }
    const read = () => (spec.kind === "choice" ? Number(input.value) : input.value);
    input.addEventListener("change", () => edit(row.id, spec.name, read()));
    if (spec.kind === "text") {
      input.addEventListener("keydown", (event) => { if (event.key === "Enter") input.blur(); });
    }
    box.append(element("span", "kr-field-label", spec.label), input);
    view.inputs.set(spec.name, [input, spec.kind]);
    return box;
  };

  const buildRow = (row) => {
    const config = model.get("config");
    const view = { smileys: [], inputs: new Map() };
    const block = element("div", "kr-row kr-below-curve");
    block.dataset.id = row.id;
    const head = element("div", "kr-head");
    head.append(element("b", "", row.heading), " ", element("span", "kr-context", row.context));
    const line = element("div", "kr-line");
    line.append(smileys(row, view));
    let crucial = null; // only where the method asks for crucial moments
    if (config.critical_text) {
      crucial = element("button", "kr-crucial", "★ " + config.critical_text);
      crucial.type = "button";
      crucial.addEventListener("click", () => edit(row.id, "critical", !view.row.critical));
      line.append(crucial);
    }
    const notice = element("div", "kr-row-notice");
    notice.hidden = true;
    block.append(head, line, notice);
    for (const spec of config.fields) block.append(field(row, view, spec));
    Object.assign(view, { block, head, crucial, notice });
    return view;
  };

  const show = (view, row) => {
    view.row = row;
    view.head.firstChild.textContent = row.heading;
    view.head.lastChild.textContent = row.context;
    for (const [button, score] of view.smileys) {
      const on = score === row.emotion;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.classList.toggle("kr-chosen", on);
    }
    if (view.crucial) view.crucial.setAttribute("aria-pressed", row.critical ? "true" : "false");
    for (const [name, [input, kind]] of view.inputs) {
      if (input === document.activeElement) continue; // never overwrite what is being typed
      const value = valueOf(row, name);
      input.value = kind === "choice" ? String(value ?? 0) : (value ?? "");
    }
  };

  const showNotices = () => {
    const notices = model.get("notices") || {};
    const looks = model.get("config").notices || {};
    for (const [id, view] of views) {
      const notice = notices[id] || notes.get(id);
      const look = (notice && looks[notice.kind]) || { style: "", mark: "" };
      view.notice.hidden = !notice;
      view.notice.style.cssText = look.style;
      view.notice.setAttribute("role", notice && notice.kind === "error" ? "alert" : "status");
      view.notice.textContent = notice ? look.mark + notice.text : "";
    }
  };

  const draw = () => {
    const rows = model.get("rows");
    const ids = rows.map((row) => row.id).join("\n");
    if (ids !== order) {
      order = ids;
      views = new Map();
      root.replaceChildren(...rows.map((row) => {
        const view = buildRow(row);
        views.set(row.id, view);
        return view.block;
      }));
    }
    for (const row of rows) show(views.get(row.id), current(row));
    showNotices();
  };

  const rebuild = () => { order = ""; draw(); };
  draw();
  model.on("change:rows", draw);
  model.on("change:notices", showNotices);
  model.on("change:config", rebuild);
  model.on("msg:custom", acknowledged);
  document.addEventListener("kr-connection", connection);
  el.append(root);
  return () => {
    document.removeEventListener("kr-connection", connection);
    model.off("msg:custom", acknowledged);
    model.off("change:rows", draw);
    model.off("change:notices", showNotices);
    model.off("change:config", rebuild);
  };
}

export default { render };
