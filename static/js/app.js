// Copy buttons: a button with data-copy-target copies the text of the element with that id.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy-target]");
  if (!button) {
    return;
  }
  const source = document.getElementById(button.dataset.copyTarget);
  try {
    await navigator.clipboard.writeText(source.textContent);
    button.textContent = "Copied";
  } catch (refused) {
    // Clipboard access needs a secure context (https or localhost); say so instead of failing.
    button.textContent = "Select and copy by hand";
  }
  setTimeout(() => { button.textContent = "Copy"; }, 2000);
});

// Notes marked data-shown-when-changed="<form id>" appear once a field of that form changes:
// the repository page shows the policy of the choice last submitted, not of the ticked boxes.
document.addEventListener("change", (event) => {
  const form = event.target.closest("form[id]");
  if (!form) {
    return;
  }
  document.querySelectorAll(`[data-shown-when-changed="${form.id}"]`).forEach((note) => {
    note.hidden = false;
  });
});
