using System.Net;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

public sealed class AdministratorPageTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task PartnersAndTherapistsAreRefusedTheAdministratorPage()
    {
        var (partner, _) = await app.CreateCoupleAsync();
        var pendingTherapist = await app.CreateUserAsync(asTherapist: true);
        var loner = await app.CreateUserAsync();

        foreach (var user in new[] { partner, pendingTherapist, loner })
        {
            var browser = await app.SignInAsync(user);
            var get = await browser.GetAsync("/Admin/Therapists");
            var post = await browser.PostAsync($"/Admin/Therapists?handler=Approve&id={pendingTherapist.Id}", new FormUrlEncodedContent([]));

            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.Contains(post.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.BadRequest });
        }
    }

    [Fact]
    public async Task AdministratorSeesThePage()
    {
        var admin = await app.SignInAsync(await app.CreateUserAsync(email: app.AdminEmail));

        var response = await admin.GetAsync("/Admin/Therapists");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
