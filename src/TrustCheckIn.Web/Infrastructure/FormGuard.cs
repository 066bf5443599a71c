using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace TrustCheckIn.Web.Infrastructure;

// The longest text one field of this page takes; FormGuard keeps that much of a longer one.
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormLimitAttribute(int maxCharacters) : Attribute
{
    public int MaxCharacters { get; } = maxCharacters;
}

// What FormGuard had to change in a post, for FormProblemsFilter to say next to the fields.
public sealed record FormProblems(int Limit, IReadOnlyList<string> TooLong, IReadOnlyList<string> WithNul, bool TooManyFields);

// Reads url-encoded posts itself, in bounded memory, instead of the framework's reader, which answers an
// over-long value, a stray NUL or too many fields with a bare 400 and loses every word. A value past the page's
// limit is cut there, NULs are dropped, fields past the count are dropped; the page then comes back with the
// words it could keep and a message (FormProblemsFilter).
public static class FormGuard
{
    // Twice the longest field elsewhere (boundaries, 4,000): a cut text still meets that field's own check, also
    // on handlers that do not look at ModelState. A page whose field is as long as its limit sets [FormLimit].
    public const int DefaultMaxCharacters = 8_000;
    public const int MaxFields = 300;
    private const int MaxNameBytes = 200;

    public static IApplicationBuilder UseFormGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method)
            && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<FormLimitAttribute>()?.MaxCharacters ?? DefaultMaxCharacters;
            var tokenField = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName;
            FormCollection form;
            FormProblems? problems;
            try
            {
                (form, problems) = await ReadAsync(context.Request.Body, limit, tokenField, context.RequestAborted);
            }
            catch (Exception e) when (e is BadHttpRequestException || (e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
            {
                // The sender stopped mid-form (went away, or sent less than it announced): nothing was submitted, so
                // nothing is handled, and no one is waiting for a status page. Not an error of the app's.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            context.Features.Set<IFormFeature>(new FormFeature(form));
            if (problems is not null)
            {
                context.Features.Set(problems);
            }
        }

        await next(context);
    });

    private static async Task<(FormCollection Form, FormProblems? Problems)> ReadAsync(Stream body, int limit, string tokenField, CancellationToken ct)
    {
        // Percent-encoded UTF-8 takes at most 12 bytes per character: more raw bytes than that cannot fit.
        var maxValueBytes = (limit * 12) + 12;
        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        List<string> tooLong = [], withNul = [];
        var tooManyFields = false;
        var count = 0;
        var name = new List<byte>();
        var value = new List<byte>();
        var inValue = false;
        var cut = false;
        var buffer = new byte[16 * 1024];

        void Finish()
        {
            if (name.Count == 0 && value.Count == 0)
            {
                return;
            }

            var key = Decode(name);
            var text = Decode(value);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                text = text.Replace("\0", "", StringComparison.Ordinal);
                withNul.Add(key);
            }

            if (cut || text.Length > limit)
            {
                text = text[..Math.Min(text.Length, char.IsHighSurrogate(text[Math.Min(text.Length, limit) - 1]) ? limit - 1 : limit)];
                tooLong.Add(key);
            }

            if (++count > MaxFields && !string.Equals(key, tokenField, StringComparison.Ordinal))
            {
                tooManyFields = true;
            }
            else
            {
                (fields.TryGetValue(key, out var values) ? values : fields[key] = []).Add(text);
            }

            name.Clear();
            value.Clear();
            inValue = false;
            cut = false;
        }

        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'&')
                {
                    Finish();
                }
                else if (b == (byte)'=' && !inValue)
                {
                    inValue = true;
                }
                else if (inValue)
                {
                    if (value.Count < maxValueBytes)
                    {
                        value.Add(b);
                    }
                    else
                    {
                        cut = true;
                    }
                }
                else if (name.Count < MaxNameBytes)
                {
                    name.Add(b);
                }
            }
        }

        Finish();
        var form = new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues([.. f.Value]), StringComparer.OrdinalIgnoreCase));
        return (form, tooLong.Count + withNul.Count > 0 || tooManyFields ? new FormProblems(limit, tooLong, withNul, tooManyFields) : null);
    }

    // application/x-www-form-urlencoded: '+' is a space, %XX a byte; anything malformed is kept as it came.
    private static string Decode(List<byte> raw)
    {
        var bytes = new List<byte>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            if (raw[i] == (byte)'+')
            {
                bytes.Add((byte)' ');
            }
            else if (raw[i] == (byte)'%' && i + 2 < raw.Count && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
            {
                bytes.Add((byte)((Hex(raw[i + 1]) << 4) | Hex(raw[i + 2])));
                i += 2;
            }
            else
            {
                bytes.Add(raw[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Hex(byte b) => b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10;
}

// Says what FormGuard changed, before the handler runs: the handler's own "if (!ModelState.IsValid) return Page()"
// then shows the form again with the kept words, and nothing is saved.
public sealed class FormProblemsFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Features.Get<FormProblems>() is { } problems)
        {
            var state = context.ModelState;
            foreach (var field in problems.TooLong.Where(f => state[f] is not { Errors.Count: > 0 }))
            {
                state.AddModelError(field, $"This was far longer than this field takes, so we kept only its first {problems.Limit:N0} characters. Shorten it, then save again.");
            }

            foreach (var field in problems.WithNul.Where(f => state[f] is not { Errors.Count: > 0 }))
            {
                state.AddModelError(field, "This held a character that cannot be saved (a NUL), so we took it out. Check the text, then save again.");
            }

            if (problems.TooManyFields)
            {
                state.AddModelError("", "This form arrived with far more fields than it has, so nothing was saved. Please check it and send it again.");
            }
        }

        await next();
    }
}
