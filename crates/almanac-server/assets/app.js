// almanac's one script: small conveniences over pages that work without it.
// - A select marked data-autosubmit submits its form when it changes.
// - With a token kept for this tab, each fact of a document page gets a "Correct" button
//   that posts a correction to the API, and each corrected or rejected one an "Undo"
//   button that deletes its correction.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form && select.form.requestSubmit());
  }

  const tokenKey = "almanac-token";
  const tokenForm = document.querySelector("[data-token-form]");
  if (tokenForm) {
    tokenForm.hidden = false;
    const input = tokenForm.querySelector("[data-token-input]");
    const state = tokenForm.querySelector("[data-token-state]");
    const show = () => { state.textContent = sessionStorage.getItem(tokenKey) ? "A token is kept for this tab." : ""; };
    show();
    tokenForm.addEventListener("submit", (event) => {
      event.preventDefault();
      if (input.value) sessionStorage.setItem(tokenKey, input.value); else sessionStorage.removeItem(tokenKey);
      input.value = "";
      show();
      showCorrectButtons();
    });
  }

  const dialog = document.querySelector("[data-correction]");
  function showCorrectButtons() {
    for (const button of document.querySelectorAll("button[data-correct]")) {
      button.hidden = !sessionStorage.getItem(tokenKey) || !dialog;
    }
    for (const button of document.querySelectorAll("button[data-undo]")) {
      button.hidden = !sessionStorage.getItem(tokenKey);
    }
  }
  showCorrectButtons();

  // Undoing a correction (or a rejection) deletes it; the page reloads with the fact as
  // extracted.
  const undoMessage = document.querySelector("[data-undo-message]");
  for (const button of document.querySelectorAll("button[data-undo]")) {
    button.addEventListener("click", async () => {
      const say = (text, error) => {
        if (!undoMessage) return;
        undoMessage.textContent = text;
        undoMessage.classList.toggle("error", error);
      };
      say("Undoing the correction of fact " + button.dataset.undo + "…", false);
      try {
        const response = await fetch("/api/facts/" + encodeURIComponent(button.dataset.undo) + "/correction", {
          method: "DELETE",
          headers: { "Authorization": "Bearer " + (sessionStorage.getItem(tokenKey) || "") },
        });
        const answer = await response.json().catch(() => ({}));
        if (response.ok) {
          say("Undone. Reloading…", false);
          location.reload();
        } else {
          say((answer.error && answer.error.message) || ("The server answered " + response.status), true);
        }
      } catch (err) {
        say("The server could not be reached: " + err, true);
      }
    });
  }
  if (!dialog) return;
  const form = dialog.querySelector("[data-correction-form]");
  const message = dialog.querySelector("[data-correction-message]");
  let factId = null;
  let opener = null;

  for (const button of document.querySelectorAll("button[data-correct]")) {
    button.addEventListener("click", () => {
      factId = button.dataset.correct;
      opener = button;
      dialog.querySelector("[data-correction-id]").textContent = "#" + factId;
      for (const name of ["subject", "period", "metric", "status", "value", "unit"]) {
        form.elements[name].value = button.dataset[name] || "";
      }
      form.elements.note.value = "";
      form.elements.reject.checked = false;
      message.textContent = "";
      message.classList.remove("error");
      dialog.showModal();
    });
  }
  dialog.querySelector("[data-correction-close]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => opener && opener.focus());

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {};
    for (const name of ["subject", "period", "metric", "status", "unit", "note"]) {
      const value = form.elements[name].value.trim();
      if (value) body[name] = value;
    }
    const value = form.elements.value.value.trim();
    if (value) body.value = Number(value);
    if (form.elements.reject.checked) body.reject = true;
    message.textContent = "Saving…";
    try {
      const response = await fetch("/api/facts/" + encodeURIComponent(factId) + "/correction", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Bearer " + (sessionStorage.getItem(tokenKey) || "") },
        body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        message.textContent = "Saved. Reloading…";
        location.reload();
      } else {
        message.classList.add("error");
        message.textContent = (answer.error && answer.error.message) || ("The server answered " + response.status);
      }
    } catch (err) {
      message.classList.add("error");
      message.textContent = "The server could not be reached: " + err;
    }
  });
});
