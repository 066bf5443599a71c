// Progressive enhancement: copy or share the invitation link where the browser can; the page works without it.
(function () {
    document.querySelectorAll("[data-share-actions]").forEach(function (actions) {
        var copy = actions.querySelector("[data-copy-link]");
        var share = actions.querySelector("[data-share-link]");
        var status = actions.querySelector("[data-share-status]");
        var canCopy = !!(navigator.clipboard && navigator.clipboard.writeText);
        var canShare = typeof navigator.share === "function";
        if (!canCopy && !canShare) {
            return;
        }
        actions.hidden = false;
        copy.hidden = !canCopy;
        share.hidden = !canShare;
        copy.addEventListener("click", function () {
            navigator.clipboard.writeText(copy.getAttribute("data-copy-link")).then(function () {
                status.textContent = "Copied. Paste it into a message to your partner.";
            }, function () {
                status.textContent = "Copying didn't work here: select the link above instead.";
            });
        });
        share.addEventListener("click", function () {
            navigator.share({ title: "Join me on TrustCheckIn", url: share.getAttribute("data-share-link") }).catch(function () { });
        });
    });
})();
