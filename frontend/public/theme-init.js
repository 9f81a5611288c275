// Apply the theme before first paint so a dark-mode user never sees a white flash.
// A file, not an inline script: the Content-Security-Policy allows only scripts
// served by this origin (docs/security.md, "Headers (CSP)").
(function () {
  try {
    var stored = localStorage.getItem("omnistock.theme");
    var dark = stored ? stored === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch (e) {}
})();
