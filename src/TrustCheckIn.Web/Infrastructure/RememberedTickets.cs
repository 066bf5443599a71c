using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace TrustCheckIn.Web.Infrastructure;

// Opening the auth cookie (a key derivation, a MAC and AES) was about a sixth of a signed-in request's CPU in a
// profile, yet the same cookie always opens to the same ticket: the opened ticket is kept for a minute, keyed by
// the cookie's SHA-256 (10,000 entries hold 32-byte keys, not 10,000 whole cookies), and handed out as a copy
// (sliding renewal changes its dates). Only what opening says is kept; the session check still reads the security
// stamp on every request, so a password change or sign-out still ends every other session at once.
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private readonly MemoryCache opened = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null)
        {
            return null;
        }

        var key = (Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(protectedText))), purpose);
        if (!opened.TryGetValue(key, out AuthenticationTicket? ticket) || ticket is null)
        {
            ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is null)
            {
                return null;
            }

            opened.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeptFor });
        }

        return new AuthenticationTicket(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }

    public void Dispose() => opened.Dispose();

    // Runs after the cookie handler's own set-up has made its ticket format, and wraps it.
    public sealed class Wrap : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is { } format and not RememberedTickets)
            {
                options.TicketDataFormat = new RememberedTickets(format);
            }
        }
    }

}
