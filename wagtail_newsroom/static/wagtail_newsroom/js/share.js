// Progressive enhancement for the share widget: the links work without this file.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and plain-HTTP sites: copy through a temporary text field.
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(field);
      if (copied) {
        resolve();
      } else {
        reject(new Error("copy refused"));
      }
    });
  }

  function enhance(widget) {
    var copyButton = widget.querySelector("[data-newsroom-copy-link]");
    var status = widget.querySelector("[data-newsroom-copy-status]");
    if (copyButton) {
      widget.querySelector("[data-newsroom-copy-link-item]").hidden = false;
      copyButton.addEventListener("click", function () {
        copyText(copyButton.dataset.url).then(
          function () { status.textContent = copyButton.dataset.copiedLabel; },
          function () { status.textContent = copyButton.dataset.failedLabel; }
        );
      });
    }
    var nativeButton = widget.querySelector("[data-newsroom-native-share]");
    if (nativeButton && navigator.share) {
      widget.querySelector("[data-newsroom-native-share-item]").hidden = false;
      nativeButton.addEventListener("click", function () {
        navigator.share({ title: nativeButton.dataset.title, url: nativeButton.dataset.url })
          .catch(function () { /* The reader closed the share sheet. */ });
      });
    }
  }

  function init() {
    document.querySelectorAll("[data-newsroom-share]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
