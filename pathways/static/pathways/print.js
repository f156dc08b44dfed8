// Progressive enhancement: a print button where scripts run. Without them, the page says to use the browser's print option.
for (const button of document.querySelectorAll("[data-app-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
