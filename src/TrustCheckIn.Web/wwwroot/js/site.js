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
