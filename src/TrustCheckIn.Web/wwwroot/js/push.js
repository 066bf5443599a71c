// Progressive enhancement: offers push only where the browser has service workers and the Push API.
(function () {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
        return;
    }
    document.querySelectorAll("[data-push-when-supported]").forEach(function (part) { part.hidden = false; });
    const form = document.getElementById("push-subscribe-form");
    if (!form) {
        return;
    }
    const status = document.getElementById("push-status");
    function keyBytes(base64url) {
        const padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
        return Uint8Array.from(atob(padded), function (c) { return c.charCodeAt(0); });
    }
    form.addEventListener("submit", function (event) {
        event.preventDefault();
        status.textContent = "Asking your browser…";
        Notification.requestPermission().then(function (permission) {
            if (permission !== "granted") {
                throw new Error("Your browser did not allow notifications for this site.");
            }
            return navigator.serviceWorker.register("/sw.js", { scope: "/" });
        }).then(function () {
            return navigator.serviceWorker.ready;
        }).then(function (registration) {
            return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(form.getAttribute("data-vapid-key")) });
        }).then(function (subscription) {
            const json = subscription.toJSON();
            form.elements.endpoint.value = json.endpoint;
            form.elements.p256dh.value = json.keys.p256dh;
            form.elements.auth.value = json.keys.auth;
            form.submit();
        }).catch(function (error) {
            status.textContent = error && error.message ? error.message : "Push could not be turned on here.";
        });
    });
})();
