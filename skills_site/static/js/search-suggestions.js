// Suggestions under a search box as a resident types: an ARIA 1.2 combobox with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/).
// Progressive enhancement: without this script the box is a plain field and the form searches as it always did.
// Markup: <input name="q" data-suggest="/search/autocomplete/"> inside a form.
// CSP allows only our own scripts and no inline styles: everything here sets attributes and classes only.

const DEBOUNCE_MS = 200;
const MIN_LENGTH = 2;
let counter = 0;

function announcement(count) {
  if (count === 0) return "No suggestions";
  const noun = count === 1 ? "suggestion" : "suggestions";
  return `${count} ${noun}. Use the up and down arrow keys to choose one, then press Enter.`;
}

function optionFor(suggestion, id) {
  const option = document.createElement("li");
  option.id = id;
  option.className = "app-suggest__option";
  option.setAttribute("role", "option");
  option.setAttribute("aria-selected", "false");
  option.append(suggestion.text);
  if (suggestion.label) {
    // The comma is for screen readers: "Data analyst, Career".
    const hidden = document.createElement("span");
    hidden.className = "govuk-visually-hidden";
    hidden.textContent = ", ";
    const label = document.createElement("span");
    label.className = "app-suggest__label";
    label.textContent = suggestion.label;
    option.append(hidden, label);
  }
  return option;
}

function enhance(input) {
  const form = input.form;
  if (!form) return;
  counter += 1;
  const listId = `${input.id || "search"}-suggestions-${counter}`;

  const wrapper = document.createElement("div");
  wrapper.className = "app-suggest";
  input.parentNode.insertBefore(wrapper, input);
  wrapper.append(input);

  const list = document.createElement("ul");
  list.id = listId;
  list.className = "app-suggest__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  wrapper.append(list);

  const status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  wrapper.append(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");

  let suggestions = [];
  let active = -1;
  let timer = null;
  let controller = null;
  let pausedUntil = 0; // after a 429, until the server says we may ask again
  let lastAsked = "";

  function options() {
    return Array.from(list.children);
  }

  function setActive(index) {
    const all = options();
    all.forEach((option, number) => {
      const chosen = number === index;
      option.setAttribute("aria-selected", chosen ? "true" : "false");
      option.classList.toggle("app-suggest__option--active", chosen);
    });
    active = index;
    if (index >= 0 && all[index]) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  function open() {
    if (suggestions.length === 0) return;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function show(found) {
    suggestions = found;
    list.replaceChildren(...found.map((suggestion, number) => optionFor(suggestion, `${listId}-${number}`)));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (found.length) {
      open();
    } else {
      close();
    }
    status.textContent = announcement(found.length);
  }

  function choose(index) {
    const suggestion = suggestions[index];
    if (!suggestion) return;
    input.value = suggestion.text;
    close();
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  async function ask(text) {
    if (Date.now() < pausedUntil) return;
    if (controller) controller.abort();
    controller = new AbortController();
    lastAsked = text;
    let response;
    try {
      const url = `${input.dataset.suggest}?${new URLSearchParams({ q: text })}`;
      response = await fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal });
    } catch {
      return; // aborted by newer typing, or offline: the plain search still works
    }
    if (response.status === 429) {
      const seconds = parseInt(response.headers.get("Retry-After") || "60", 10);
      pausedUntil = Date.now() + (Number.isFinite(seconds) ? seconds : 60) * 1000;
      close();
      return;
    }
    if (!response.ok || text !== lastAsked || input.value.trim() !== text) return;
    const body = await response.json();
    show(body.suggestions || []);
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < MIN_LENGTH) {
      if (controller) controller.abort();
      suggestions = [];
      list.replaceChildren();
      close();
      status.textContent = "";
      return;
    }
    timer = setTimeout(() => ask(text), DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    const count = suggestions.length;
    switch (event.key) {
      case "ArrowDown":
        if (!count) return;
        event.preventDefault();
        open();
        setActive(active + 1 < count ? active + 1 : 0);
        break;
      case "ArrowUp":
        if (!count || list.hidden) return;
        event.preventDefault();
        // Up from the first suggestion goes back to what was typed.
        setActive(active > 0 ? active - 1 : -1);
        break;
      case "Enter":
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break; // otherwise the form searches for what was typed
      case "Escape":
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
        break;
      case "Tab":
        close();
        break;
      default:
        break;
    }
  });

  // mousedown would move focus off the box before the click lands.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) choose(options().indexOf(option));
  });
  input.addEventListener("blur", close);
}

export function enhanceSearchBoxes(root = document) {
  root.querySelectorAll("input[data-suggest]").forEach(enhance);
}
