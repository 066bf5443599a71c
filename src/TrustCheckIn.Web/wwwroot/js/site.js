// Small conveniences on top of pages that work without JavaScript.
"use strict";

// A new couple's time zone: the browser's own, when the form asks for it and the zone is one we list.
for (const field of document.querySelectorAll(".fill-time-zone")) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
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
