namespace TrustCheckIn.Web.Infrastructure;

// The menu's count, read by the session check this request already made: the layout asks the database nothing.
public static class UnreadNotifications
{
    private static readonly object Key = new();

    public static void Remember(HttpContext context, int count) => context.Items[Key] = count;

    public static int Of(HttpContext context) => context.Items.TryGetValue(Key, out var count) && count is int n ? n : 0;
}
