// Enhancement of the import progress page: ask for the status every second and move the bar in place,
// then reload once the import has finished so the page shows its result. Without JavaScript the page
// refreshes itself (a <noscript> meta refresh) instead.
const box = document.querySelector("[data-import-progress]");

if (box) {
  const bar = box.querySelector("progress");
  const text = box.querySelector("[data-import-progress-text]");
  const url = box.dataset.statusUrl;

  const describe = (status) => {
    const rows = status.total_rows
      ? status.state === "saving"
        ? ` (saving ${status.total_rows} rows)`
        : ` (${status.rows_checked} of ${status.total_rows} rows)`
      : "";
    return `${status.state_label}: ${status.percent}% done${rows}.`;
  };

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const status = await response.json();
        if (!status.running) {
          window.location.reload();
          return;
        }
        bar.value = status.percent;
        bar.textContent = `${status.percent}%`;
        const words = describe(status);
        if (text.textContent.trim() !== words) text.textContent = words;
      }
    } catch (error) {
      // A dropped connection: try again on the next tick.
    }
    window.setTimeout(poll, 1000);
  };

  window.setTimeout(poll, 1000);
}
