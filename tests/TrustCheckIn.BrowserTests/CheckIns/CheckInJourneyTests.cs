namespace TrustCheckIn.BrowserTests.CheckIns;

public sealed class CheckInJourneyTests(BrowserApp app) : CheckInJourney(app, javaScript: true), IClassFixture<BrowserApp>;

public sealed class CheckInJourneyWithoutJavaScriptTests(BrowserApp app) : CheckInJourney(app, javaScript: false), IClassFixture<BrowserApp>;
