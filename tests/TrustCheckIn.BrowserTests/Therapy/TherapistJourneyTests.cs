namespace TrustCheckIn.BrowserTests.Therapy;

// The app has one administrator address: each variant runs on its own app, so each registers that administrator once.
public sealed class TherapistJourneyTests(BrowserApp app) : TherapistJourney(app, javaScript: true), IClassFixture<BrowserApp>;

public sealed class TherapistJourneyWithoutJavaScriptTests(BrowserApp app) : TherapistJourney(app, javaScript: false), IClassFixture<BrowserApp>;

public abstract class TherapistJourney(BrowserApp app, bool javaScript)
{
    [Fact]
    public async Task ApprovedTherapistWithTwoStepSignInSeesOnlyWhatIsConsentedUntilItIsRevoked()
    {
        var therapist = await app.NewPageAsync(javaScript);
        await Journeys.RegisterAndConfirmAsync(app, therapist, "Dr Rowan Hale", Journeys.NewEmail("rowan"), asTherapist: true);
        await Assertions.Expect(therapist.GetByText("waiting for the administrator")).ToBeVisibleAsync();

        var admin = await app.NewPageAsync(javaScript);
        await Journeys.RegisterAndConfirmAsync(app, admin, "Site Admin", app.AdminEmail);
        await admin.GotoAsync("/Admin/Therapists");
        await app.CheckPageAsync(admin, "Admin, pending therapists");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Approve Dr Rowan Hale" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Approved.")).ToBeVisibleAsync();

        // Approved, but couple data needs two-step sign-in first.
        await therapist.GotoAsync("/Therapist");
        await Assertions.Expect(therapist.GetByText("Therapist accounts need two-step sign-in")).ToBeVisibleAsync();
        await app.CheckPageAsync(therapist, "Two-step sign-in, therapist");
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Journeys.TurnOnAuthenticatorAsync(app, therapist);

        await therapist.GotoAsync("/Therapist/Profile");
        await therapist.GetByLabel("Your name").FillAsync("Dr Rowan Hale");
        await therapist.GetByLabel("Practice").FillAsync("Harbour Couples Practice");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await app.CheckPageAsync(therapist, "Therapist profile");
        var code = (await therapist.Locator("#link-code").TextContentAsync())!;

        var (ana, ben) = await Journeys.NewCoupleAsync(app, "Ana", "Ben", javaScript);
        await ana.GotoAsync("/Couple/Therapist");
        await app.CheckPageAsync(ana, "Our therapist, not linked");
        await ana.GetByLabel("Therapist's code").FillAsync(code);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Link our therapist" }).ClickAsync();
        await ana.GetByLabel("Our weekly check-ins (my answers)").CheckAsync();
        await ana.GetByLabel("All history").CheckAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save what I share" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#my-consent")).ToContainTextAsync("You share weekly check-ins");
        await app.CheckPageAsync(ana, "Our therapist, sharing");

        var anaWords = $"Ana{Guid.NewGuid():N}";
        var benWords = $"Ben{Guid.NewGuid():N}";
        await CheckInAsync(ana, 4, anaWords);
        await CheckInAsync(ben, 3, benWords);
        var feeling = $"Feeling{Guid.NewGuid():N}";
        await ben.GotoAsync("/Feelings/Compose");
        await ben.GetByLabel("Or your own word").FillAsync("unsure");
        await ben.GetByLabel("when …").FillAsync($"plans change late {feeling}");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Share with Ana" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Status)).ToContainTextAsync("Shared. Ana can read it now.");

        await therapist.GotoAsync("/Therapist");
        await app.CheckPageAsync(therapist, "Therapist dashboard");
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Open what they share" }).ClickAsync();
        await Assertions.Expect(therapist.Locator("#shared-checkins")).ToContainTextAsync(anaWords);
        await app.CheckPageAsync(therapist, "Therapist, couple view");
        var sharing = await therapist.ContentAsync();
        Assert.DoesNotContain(benWords, sharing, StringComparison.Ordinal);
        Assert.DoesNotContain(feeling, sharing, StringComparison.Ordinal);
        var coupleUrl = therapist.Url;

        await ana.GotoAsync("/Couple/Therapist");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Stop sharing" }).ClickAsync();
        await therapist.GotoAsync(coupleUrl);
        await Assertions.Expect(therapist.Locator("#nothing-shared")).ToBeVisibleAsync();
        Assert.DoesNotContain(anaWords, await therapist.ContentAsync(), StringComparison.Ordinal);

        await ben.GotoAsync("/Couple/Therapist");
        await Assertions.Expect(ben.Locator("#access-log-table")).ToContainTextAsync("Dr Rowan Hale");
        await Assertions.Expect(ben.Locator("#access-log-table")).ToContainTextAsync("Opened the couple page: weekly check-ins");
        await app.CheckPageAsync(ben, "Our therapist, access log");

        await PrepareTheNextSessionAsync(therapist, ana, ben, coupleUrl.Split('/')[^1]);
    }

    // Between sessions: Ana raises something, the therapist asks to see it, both try a practice, the summary is printed.
    private async Task PrepareTheNextSessionAsync(IPage therapist, IPage ana, IPage ben, string coupleId)
    {
        var item = $"Agenda{Guid.NewGuid():N}";
        await ana.GotoAsync("/Couple/Agenda");
        await ana.GetByLabel("Something I'd like to bring to our next session").FillAsync($"How we plan weekends {item}");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Add to the agenda" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#agenda-open")).ToContainTextAsync(item);
        await app.CheckPageAsync(ana, "Our session agenda");

        await therapist.GotoAsync($"/Therapist/Session/{coupleId}");
        Assert.DoesNotContain(item, await therapist.ContentAsync(), StringComparison.Ordinal);
        await therapist.GotoAsync($"/Therapist/Ask/{coupleId}");
        await therapist.GetByLabel("Ana", new() { Exact = true }).CheckAsync();
        await therapist.GetByLabel("the session agenda").CheckAsync();
        await therapist.GetByLabel("Why you ask (optional, they will read it)").FillAsync("So we start where you want to start.");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(therapist.GetByRole(AriaRole.Status)).ToContainTextAsync("Asked.");
        await app.CheckPageAsync(therapist, "Therapist, ask to share");

        await ana.GotoAsync("/Couple/Therapist");
        await Assertions.Expect(ana.Locator("#consent-requests")).ToContainTextAsync("What you add to the session agenda");
        await app.CheckPageAsync(ana, "Our therapist, a request");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Yes, share this" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#my-consent")).ToContainTextAsync("the session agenda");
        foreach (var partner in new[] { ana, ben })
        {
            await partner.GotoAsync("/Couple/Therapist");
            await partner.GetByLabel("Practice between sessions").CheckAsync();
            await partner.GetByLabel("From today").CheckAsync();
            await partner.GetByRole(AriaRole.Button, new() { Name = "Save what I share" }).ClickAsync();
            await Assertions.Expect(partner.Locator("#my-consent")).ToContainTextAsync("practice between sessions");
        }

        await therapist.GotoAsync($"/Therapist/Session/{coupleId}");
        await Assertions.Expect(therapist.Locator("#session-agenda")).ToContainTextAsync(item);
        await therapist.GetByLabel("Each write two \"I feel\" statements").CheckAsync();
        await therapist.GetByLabel("By (optional)").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Suggest this practice" }).ClickAsync();
        await Assertions.Expect(therapist.GetByRole(AriaRole.Status)).ToContainTextAsync("Suggested.");
        await app.CheckPageAsync(therapist, "Therapist, next session");

        await ana.GotoAsync("/");
        await Assertions.Expect(ana.Locator("#home-practice")).ToContainTextAsync("Each write two");
        await app.CheckPageAsync(ana, "Home, a practice to try");
        await ana.GetByRole(AriaRole.Button, new() { Name = "I did this" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked done.");
        await ben.GotoAsync("/Couple/Practice");
        await ben.GetByLabel("I did this").CheckAsync();
        await ben.GetByLabel("How it went, in a line (optional)").FillAsync("We took turns and it felt lighter");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Status)).ToContainTextAsync("marked done");
        await app.CheckPageAsync(ben, "Practice between sessions");

        await therapist.GotoAsync($"/Therapist/Session/{coupleId}");
        await Assertions.Expect(therapist.Locator("#session-practice")).ToContainTextAsync("Ana: done");
        await Assertions.Expect(therapist.Locator("#session-practice")).ToContainTextAsync("Ben: done, “We took turns and it felt lighter”");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Talked about in session" }).ClickAsync();
        await Assertions.Expect(therapist.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked as talked about");

        await therapist.GotoAsync($"/Therapist/Summary/{coupleId}");
        await Assertions.Expect(therapist.Locator("#session-agenda")).ToContainTextAsync(item);
        await app.CheckPageAsync(therapist, "Therapist, summary");
        if (javaScript)
        {
            await Assertions.Expect(therapist.GetByRole(AriaRole.Button, new() { Name = "Print this summary" })).ToBeVisibleAsync();
        }

        await therapist.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(therapist.Locator("#summary-range-form")).ToBeHiddenAsync();
        await Assertions.Expect(therapist.Locator("#session-practice")).ToContainTextAsync("Ben: done");
        await therapist.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.OutputFolder, "screenshots", $"therapist-summary-print{(javaScript ? "" : "-no-javascript")}.png"), FullPage = true });
        await therapist.EmulateMediaAsync(new() { Media = Media.Screen });
    }

    private static async Task CheckInAsync(IPage partner, int score, string onMyMind)
    {
        await partner.GotoAsync("/CheckIns");
        var ratings = partner.Locator("fieldset.rating");
        for (var i = 0; i < await ratings.CountAsync(); i++)
        {
            await ratings.Nth(i).GetByLabel(score.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Exact = true }).CheckAsync();
        }

        await partner.GetByLabel("What is on my mind").FillAsync(onMyMind);
        await partner.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(partner.Locator(".status-message")).ToBeVisibleAsync();
    }
}
