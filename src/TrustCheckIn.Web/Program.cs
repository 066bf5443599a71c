using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrustCheckIn;
using TrustCheckIn.Accounts;
using TrustCheckIn.Data;
using TrustCheckIn.Reminders;
using TrustCheckIn.Web.Infrastructure;
using TrustCheckIn.Web.Operations;

if (args is [BackupCommand.Name, ..])
{
    return BackupCommand.Run(args);
}

if (args is [MigrateCommand.Name, ..])
{
    return await MigrateCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.RequirePublicAddress();
builder.AddReverseProxySupport();
builder.Services.AddTrustCheckIn(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddTrustCheckInHealthChecks();
// The request log writes whole URLs, query strings included (a journal search is one): never below Warning,
// whatever the configured levels say.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

builder.Services
    .AddIdentity<AppUser, IdentityRole>(options =>
    {
        options.SignIn.RequireConfirmedEmail = true;
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = AccountLimits.MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = AccountLimits.MaxFailedLogins;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddUserStore<HashedRecoveryCodeUserStore>()
    .AddSignInManager<EqualTimeSignInManager>()
    .AddDefaultTokenProviders()
    .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "TrustCheckIn.Auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    options.ExpireTimeSpan = TimeSpan.FromDays(14);
    options.SlidingExpiration = true;
    options.LoginPath = "/Account/Login";
    options.LogoutPath = "/Account/Logout";
    // Sliding for 14 days of quiet, but never longer than SessionLifetime.Absolute after signing in.
    options.Events.OnSigningIn = SessionLifetime.StampSignIn;
    // Every request: one indexed read of the security stamp, so a password change or sign-out ends other sessions at once.
    options.Events.OnValidatePrincipal = SessionLifetime.ValidateAsync;
    // A real 403 (rendered by the status page), not a redirect that hides what happened; a therapist who
    // has not signed in with two-factor is sent to set it up instead.
    options.Events.OnRedirectToAccessDenied = context =>
    {
        if (context.HttpContext.User.IsInRole(Roles.Therapist) && !TwoFactorClaims.SignedInWithTwoFactor(context.HttpContext.User))
        {
            context.Response.Redirect("/Account/Manage/TwoFactor");
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
builder.Services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, RememberedTickets.Wrap>();
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "TrustCheckIn.Antiforgery";
    options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
});

builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Policies.Partner, policy => policy.RequireRole(Roles.Partner))
    .AddPolicy(Policies.Therapist, policy => policy.RequireRole(Roles.Therapist).RequireClaim(TwoFactorClaims.Type, TwoFactorClaims.MultiFactor))
    .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator));
// Refused by the partner policy is "not found", as another couple's ids are; other refusals stay 403.
builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, PartnerPagesNotFound>();

builder.Services.AddRazorPages(options =>
{
    options.Conventions.ConfigureFilter(new UnreadableCheckboxFilter());
    options.Conventions.ConfigureFilter(new FormProblemsFilter());
    options.Conventions.ConfigureFilter(new NoHandlerFilter());
    options.Conventions.AuthorizeFolder("/Couple", Policies.Partner);
    options.Conventions.AuthorizeFolder("/Journal", Policies.Partner);
    options.Conventions.AuthorizeFolder("/Expectations", Policies.Partner);
    options.Conventions.AuthorizeFolder("/Feelings", Policies.Partner);
    options.Conventions.AuthorizeFolder("/CheckIns", Policies.Partner);
    options.Conventions.AuthorizeFolder("/Reminders", Policies.Partner);
    options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
    options.Conventions.AuthorizeFolder("/Therapist", Policies.Therapist);
    options.Conventions.AllowAnonymousToPage("/Index");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/Status");
    // Reached from an e-mail without signing in: the signed token in the link says whose reminder it is.
    options.Conventions.AllowAnonymousToPage("/Reminders/Unsubscribe");
    // The invitation link: the person invited may not have an account yet; the code in the address is the key.
    options.Conventions.AllowAnonymousToPage("/Invitation");
    options.Conventions.AllowAnonymousToPage("/Notifications/Unsubscribe");
    // Page by page, never the whole folder: AllowAnonymous would override /Account/Manage's rule.
    foreach (var page in new[] { "Login", "Logout", "Register", "RegisterConfirmation", "ConfirmEmail", "ResendConfirmation",
        "ForgotPassword", "ForgotPasswordConfirmation", "ResetPassword", "ResetPasswordConfirmation", "LoginWith2fa", "LoginWithRecoveryCode", "ConfirmEmailChange" })
    {
        options.Conventions.AllowAnonymousToPage($"/Account/{page}");
    }
});
builder.Services.AddSingleton<CookieTempDataProvider>();
builder.Services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, QuietTempData>());
builder.Services.AddTrustCheckInRateLimits(builder.Configuration);
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services);

// First, so HSTS, the HTTPS redirect, secure cookies and rate limits see the client's scheme and address.
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
    app.UseHttpsToPublicAddress();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseRouting();
app.UseAuthentication();
// After authentication: a saved date format wins over the browser's.
app.UsePersonalCulture();
app.UseRateLimiter();
app.UseAuthorization();
// After authorization: a post nobody may make is not read at all.
app.UseFormGuard();

// Served by routing before authentication runs: no session check, no cookie, so browsers may cache them.
app.MapStaticAssets().ShortCircuit();
app.MapTrustCheckInHealthChecks();
app.MapRazorPages().WithStaticAssets();
// Calendar apps send no cookie: the secret token in the address is the key, and an unknown one is 404.
app.MapGet("/Calendar/{token}.ics", async (string token, CalendarFeedService feeds, CancellationToken ct) =>
    await feeds.RenderAsync(token, ct) is { } ics ? Results.Text(ics, "text/calendar", System.Text.Encoding.UTF8) : Results.NotFound())
    .AllowAnonymous();

app.Run();
return 0;
