using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Accounts;

public sealed class AccountService(AppDbContext db, UserManager<AppUser> users, IConfiguration configuration, TimeProvider time)
{
    public sealed record Registration(AppUser? User, bool EmailAlreadyRegistered, IReadOnlyList<IdentityError> Errors);

    // Identity's own checks on a new account, minus "already taken": the registration page runs them for every
    // address alike and says nothing that would tell a taken one apart.
    public async Task<IReadOnlyList<IdentityError>> CheckNewAccountAsync(string email, string password)
    {
        var candidate = new AppUser { UserName = email, Email = email };
        var problems = new List<IdentityError>();
        foreach (var validator in users.UserValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, candidate)).Errors.Where(e => !IsDuplicate(e)));
        }

        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, candidate, password)).Errors);
        }

        return problems;
    }

    public async Task<Registration> RegisterAsync(string displayName, string email, string password, bool asTherapist)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            // As costly as creating the account, which hashes the password: the queue's load says nothing either.
            users.PasswordHasher.HashPassword(new AppUser(), password);
            return new Registration(null, EmailAlreadyRegistered: true, []);
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            TherapistStatus = asTherapist ? TherapistStatus.Pending : TherapistStatus.None,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            var duplicate = created.Errors.Any(IsDuplicate);
            return new Registration(null, duplicate, duplicate ? [] : created.Errors.ToList());
        }

        // Therapists get their role only when an administrator approves them.
        if (!asTherapist)
        {
            await users.AddToRoleAsync(user, Roles.Partner);
        }

        if (string.Equals(configuration["Admin:Email"], email, StringComparison.OrdinalIgnoreCase))
        {
            await users.AddToRoleAsync(user, Roles.Administrator);
        }

        return new Registration(user, EmailAlreadyRegistered: false, []);
    }

    // A therapist's confirmed address puts them on the administrators' approval list, so that is when they are told.
    public async Task<bool> ConfirmEmailAsync(string? userId, string? token)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return false;
        }

        if (!user.EmailConfirmed && user.TherapistStatus == TherapistStatus.Pending)
        {
            var administrators = await db.UserRoles
                .Join(db.Roles.Where(r => r.Name == Roles.Administrator), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
                .ToListAsync();
            var now = time.GetUtcNow().UtcDateTime;
            administrators.ForEach(id => db.Tell(id, NotificationKind.TherapistAwaitingApproval, null, user.Id, "/Admin/Therapists", now));
        }

        // Identity saves the account through this same context, notifications included, or neither on a bad token.
        var confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (!confirmed)
        {
            db.ChangeTracker.Entries<Notification>().ToList().ForEach(e => e.State = EntityState.Detached);
        }

        return confirmed;
    }

    private static bool IsDuplicate(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName);
}
