// Small conveniences on top of pages that work without JavaScript.
"use strict";

// Browsers still report some zones by their old names; the lists use today's.
const renamedZones = {
    "Asia/Calcutta": "Asia/Kolkata",
    "Asia/Katmandu": "Asia/Kathmandu",
    "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "Asia/Rangoon": "Asia/Yangon",
    "Europe/Kiev": "Europe/Kyiv",
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
    "America/Godthab": "America/Nuuk",
    "Atlantic/Faeroe": "Atlantic/Faroe",
    "Pacific/Enderbury": "Pacific/Kanton",
};

// A new couple's time zone: the browser's own, when the form asks for it and the zone is one we list.
for (const field of document.querySelectorAll(".fill-time-zone")) {
    const reported = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zone = renamedZones[reported] ?? reported;
    const common = field.querySelector("select[data-time-zone=common]");
    const other = field.querySelector("select[data-time-zone=other]");
    const has = (select, value) => select && [...select.options].some(option => option.value === value);
    if (has(common, zone)) {
        common.value = zone;
    } else if (has(other, zone)) {
        other.value = zone;
        other.closest("details").open = true;
    }
}

// "I feel": the sentence and the gentle hints follow the words as they are typed. They come from the
// server's own preview (the same words and checks as the Preview button), a moment after typing stops.
const composer = document.getElementById("compose-form");
const previewButton = document.getElementById("preview-button");
if (composer && previewButton) {
    let timer = 0;
    let latest = 0;
    const refresh = async () => {
        const ticket = ++latest;
        const response = await fetch(previewButton.formAction, { method: "POST", body: new URLSearchParams(new FormData(composer)), credentials: "same-origin" });
        if (!response.ok || ticket !== latest) {
            return;
        }

        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        for (const id of ["preview-body", "situation-gentle", "need-gentle"]) {
            const fresh = page.getElementById(id);
            const here = document.getElementById(id);
            if (fresh && here) {
                here.replaceChildren(...[...fresh.childNodes].map(node => document.importNode(node, true)));
            }
        }
    };
    composer.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(refresh, 400);
    });
}

// "Print": only where a script can open the browser's print dialogue; the print stylesheet does the rest.
for (const button of document.querySelectorAll("button[data-print]")) {
    button.addEventListener("click", () => window.print());
    button.closest("[hidden]")?.removeAttribute("hidden");
}
