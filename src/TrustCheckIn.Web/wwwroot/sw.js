// TrustCheckIn's service worker: shows a push as a notification and opens its page. The payload is only a kind
// and a path inside the app; the words come from here, never from anyone's entries.
const titles = {
    PartnerCheckedIn: "Your partner checked in",
    AnswersReady: "This week's answers are ready",
    StatementShared: "Your partner shared an \"I feel\" statement",
    StatementAcknowledged: "Your partner hears your statement",
    StatementAnswered: "Your partner answered your statement",
    ExpectationsChanged: "Your expectations table changed",
    ReviewToConfirm: "A review waits for your confirmation",
    FollowThroughNoticed: "Your partner noticed your follow-through",
    TherapistLinked: "A therapist was linked",
    TherapistUnlinked: "Your therapist was unlinked",
    PartnerSharingChanged: "Your partner changed their sharing",
    PartnerLeft: "Your partner has left the couple",
    TherapistApproved: "Your therapist account was approved",
    CoupleLinkedYou: "A couple linked you",
    ConsentChanged: "A partner's sharing changed",
    TherapistAwaitingApproval: "A therapist waits for approval"
};

self.addEventListener("push", function (event) {
    let data = {};
    try {
        data = event.data ? event.data.json() : {};
    } catch (e) {
        data = {};
    }
    const url = typeof data.url === "string" && data.url.startsWith("/") && !data.url.startsWith("//") ? data.url : "/";
    event.waitUntil(self.registration.showNotification(titles[data.kind] || "Something waits for you on TrustCheckIn", {
        data: { url: url },
        icon: "/favicon.svg"
    }));
});

self.addEventListener("notificationclick", function (event) {
    event.notification.close();
    event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
