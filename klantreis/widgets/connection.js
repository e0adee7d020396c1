// The connection guard of a form (connection.py): when the kernel behind the form is
// gone (restarted, shut down, or the connection to the server lost), the whole form
// becomes inert (no click, no typing reaches it) and this guard shows one line that
// says so. Without it a click on a dead form looked taken ("✓ gekozen") and was lost.
//
// It also tells the widgets inside the form (a "kr-connection" event on the form, with
// `detail.state`): "back" when a lost connection returned to the same kernel, "gone"
// when the kernel is gone for good; the emotion sheet then sends its unacknowledged
// edits again, or marks them as not saved.

const CONNECTION_EVENT = "kr-connection";

const DEAD_STATUSES = new Set(["restarting", "autorestarting", "dead", "terminating"]);
const OFFLINE_CONNECTIONS = new Set(["disconnected", "connecting"]);

function render({ model, el }) {
  const line = document.createElement("div");
  line.className = "kr-connection-line";
  line.setAttribute("role", "alert");
  line.hidden = true;
  el.append(line);
  const manager = model.widget_manager || {};
  const kernel = manager.kernel || null;
  let dead = false; // the kernel that made this form is gone for good
  let offline = false; // the connection is lost for now

  const form = () => el.closest(".kr-form");
  const show = () => {
    const off = dead || offline;
    line.hidden = !off;
    line.textContent = off ? model.get("message") : "";
    const root = form();
    if (!root) return;
    root.classList.toggle("kr-offline", off);
    root.toggleAttribute("inert", off);
    if (off && root.contains(document.activeElement)) document.activeElement.blur();
  };
  const tell = (state) => {
    const root = form();
    if (root) root.dispatchEvent(new CustomEvent(CONNECTION_EVENT, { bubbles: true, detail: { state } }));
  };
  const die = () => {
    if (!dead) tell("gone");
    dead = true;
    show();
  };
  const onStatus = (_, status) => { if (DEAD_STATUSES.has(status)) die(); };
  const onConnection = (_, status) => {
    const was = offline;
    offline = OFFLINE_CONNECTIONS.has(status);
    show();
    if (was && status === "connected" && !dead) tell("back");
  };
  // ipywidgets marks every model of a restarted kernel as no longer live
  const onLive = () => die();
  model.on("comm_live_update", onLive);
  if (kernel && kernel.statusChanged) {
    kernel.statusChanged.connect(onStatus);
    kernel.connectionStatusChanged.connect(onConnection);
  }
  // a kernel shut down or replaced (also from another tab) shows here
  const check = () => {
    if (dead) return;
    if (kernel && (kernel.isDisposed || DEAD_STATUSES.has(kernel.status))) die();
    else if (kernel && manager.kernel && manager.kernel !== kernel) die();
  };
  const timer = setInterval(check, 1000);
  check();
  return () => {
    clearInterval(timer);
    model.off("comm_live_update", onLive);
    if (kernel && kernel.statusChanged) {
      kernel.statusChanged.disconnect(onStatus);
      kernel.connectionStatusChanged.disconnect(onConnection);
    }
  };
}

export default { render };
