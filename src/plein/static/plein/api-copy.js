// API keys: a "Copy key" button next to the secret that is shown once (no inline script: CSP).
document.querySelectorAll("button[data-copy]").forEach((button) => {
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector(".plein-api-copied");
  if (!source || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(source.textContent.trim()).then(() => {
      if (status) status.textContent = button.dataset.copied;
    });
  });
});
