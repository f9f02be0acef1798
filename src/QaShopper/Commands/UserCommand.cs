using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Core.Accounts;
using QaShopper.Core.Ports;
using QaShopper.Hosting;
using QaShopper.Web.Security;
using Spectre.Console;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper user</c>: the web app's local accounts and API tokens. Passwords are read from stdin
/// (<c>--password-stdin</c>) or asked for at the terminal, never taken as an argument (which shell history and the
/// process list would keep).
/// </summary>
internal static class UserCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("user", "The web app's accounts (roles admin, manager, reviewer, viewer) and API tokens");
        command.Subcommands.Add(Add(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Password(console));
        command.Subcommands.Add(SetRole(console));
        command.Subcommands.Add(Enable(console, disable: true));
        command.Subcommands.Add(Enable(console, disable: false));
        command.Subcommands.Add(Token(console));
        command.Subcommands.Add(Revoke(console));
        return command;
    }

    private static Argument<string> UserName() => new("user") { Description = "The user name (letters, digits, '.', '-', '_')" };

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from the first line of stdin instead of asking" };

    private static Argument<Role> RoleArgument() => new("role") { Description = "admin, manager (scenarios, campaigns), reviewer (review, override) or viewer" };

    private static Command Add(CliConsole console)
    {
        var user = UserName();
        var role = new Option<Role>("--role") { Description = "admin, manager (scenarios, campaigns), reviewer (review, override) or viewer", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown on pages and in audit records (default: the user name)" };
        var stdin = PasswordStdin();
        var command = new Command("add", "Make an account") { user, role, name, stdin };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var password = await ReadPasswordAsync(console, parse.GetValue(stdin)).ConfigureAwait(false);
            using var host = await AppHost.StartAsync(parse, HostFeatures.Store, cancellationToken).ConfigureAwait(false);
            var (account, error) = await host.Services.GetRequiredService<AccountService>()
                .CreateAsync(parse.GetRequiredValue(user), parse.GetValue(name), parse.GetValue(role), password, cancellationToken).ConfigureAwait(false);
            if (account is null)
            {
                throw new CliException($"user add: {error}");
            }

            await console.Error.WriteLineAsync($"user {account.UserName} added as {Lower(account.Role)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var command = new Command("list", "List the accounts and their API tokens (ids only)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await AppHost.StartAsync(parse, HostFeatures.Store, cancellationToken).ConfigureAwait(false);
            var store = host.Services.GetRequiredService<IAccountStore>();
            var tokens = (await store.ListTokensAsync(null, cancellationToken).ConfigureAwait(false)).ToLookup(t => t.UserName, StringComparer.Ordinal);
            var table = new Table().AddColumns("user", "name", "role", "state", "created", "API tokens");
            foreach (var account in await store.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                table.AddRow(
                    Markup.Escape(account.UserName),
                    Markup.Escape(account.DisplayName),
                    Lower(account.Role),
                    account.Disabled ? "disabled" : "enabled",
                    account.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", tokens[account.UserName].Select(t => $"{t.Id} ({t.Label})"))));
            }

            console.Rich.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Password(CliConsole console)
    {
        var user = UserName();
        var stdin = PasswordStdin();
        var command = new Command("password", "Set a new password") { user, stdin };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var password = await ReadPasswordAsync(console, parse.GetValue(stdin)).ConfigureAwait(false);
            using var host = await AppHost.StartAsync(parse, HostFeatures.Store, cancellationToken).ConfigureAwait(false);
            var error = await host.Services.GetRequiredService<AccountService>().SetPasswordAsync(parse.GetRequiredValue(user), password, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                throw new CliException($"user password: {error}");
            }

            await console.Error.WriteLineAsync($"password of {Account.Normalize(parse.GetRequiredValue(user))} changed").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetRole(CliConsole console)
    {
        var user = UserName();
        var role = RoleArgument();
        var command = new Command("role", "Change an account's role (takes effect on its next request)") { user, role };
        command.SetAction((parse, cancellationToken) => ChangeAsync(parse, console, parse.GetRequiredValue(user), a => a with { Role = parse.GetValue(role) }, $"is now {Lower(parse.GetValue(role))}", cancellationToken));
        return command;
    }

    private static Command Enable(CliConsole console, bool disable)
    {
        var user = UserName();
        var command = new Command(disable ? "disable" : "enable", disable ? "Stop an account signing in (its sessions and API tokens stop working at once)" : "Let a disabled account sign in again") { user };
        command.SetAction((parse, cancellationToken) => ChangeAsync(parse, console, parse.GetRequiredValue(user), a => a with { Disabled = disable }, disable ? "disabled" : "enabled", cancellationToken));
        return command;
    }

    private static Command Token(CliConsole console)
    {
        var user = UserName();
        var label = new Option<string>("--label") { Description = "What the token is for", DefaultValueFactory = _ => "script" };
        var days = new Option<int?>("--days") { Description = "Days until the token expires (default: never)" };
        var command = new Command("token", "Make an API token with the user's rights; printed once, only its hash is kept") { user, label, days };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(days) is < 1 or > 3650)
            {
                throw new CliException("user token: --days must be 1 to 3650");
            }

            using var host = await AppHost.StartAsync(parse, HostFeatures.Store, cancellationToken).ConfigureAwait(false);
            var account = await host.Services.GetRequiredService<IAccountStore>().GetAsync(parse.GetRequiredValue(user), cancellationToken).ConfigureAwait(false)
                ?? throw new CliException($"user token: no user '{Account.Normalize(parse.GetRequiredValue(user))}'");
            var lifetime = parse.GetValue(days) is { } d ? TimeSpan.FromDays(d) : (TimeSpan?)null;
            var (record, token) = await host.Services.GetRequiredService<AccountService>().CreateTokenAsync(account, parse.GetRequiredValue(label), lifetime, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(token).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"token {record.Id} for {account.UserName} ({Lower(account.Role)}); send it as 'Authorization: Bearer <token>'. It is not shown again.").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliConsole console)
    {
        var id = new Argument<string>("token-id") { Description = "The token's id, as 'user list' shows it" };
        var command = new Command("revoke", "Revoke an API token") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await AppHost.StartAsync(parse, HostFeatures.Store, cancellationToken).ConfigureAwait(false);
            if (!await host.Services.GetRequiredService<IAccountStore>().RevokeTokenAsync(parse.GetRequiredValue(id), cancellationToken).ConfigureAwait(false))
            {
                throw new CliException($"user revoke: no token '{parse.GetRequiredValue(id)}'");
            }

            await console.Error.WriteLineAsync($"token {parse.GetRequiredValue(id)} revoked").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> ChangeAsync(ParseResult parse, CliConsole console, string userName, Func<Account, Account> change, string done, CancellationToken cancellationToken)
    {
        using var host = await AppHost.StartAsync(parse, HostFeatures.Store, cancellationToken).ConfigureAwait(false);
        var store = host.Services.GetRequiredService<IAccountStore>();
        var account = await store.GetAsync(userName, cancellationToken).ConfigureAwait(false)
            ?? throw new CliException($"user: no user '{Account.Normalize(userName)}'");
        await store.UpdateAsync(change(account), cancellationToken).ConfigureAwait(false);
        await console.Error.WriteLineAsync($"user {account.UserName} {done}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<string> ReadPasswordAsync(CliConsole console, bool fromStdin)
    {
        if (fromStdin)
        {
            var line = await console.In.ReadLineAsync().ConfigureAwait(false);
            return string.IsNullOrEmpty(line) ? throw new CliException("--password-stdin: no password on stdin") : line;
        }

        if (!console.IsInteractive)
        {
            throw new CliException("no terminal to ask for the password: pipe it with --password-stdin");
        }

        var first = console.Rich.Prompt(new TextPrompt<string>("Password:").Secret());
        var again = console.Rich.Prompt(new TextPrompt<string>("Again:").Secret());
        return first == again ? first : throw new CliException("the two passwords differ; nothing was changed");
    }

    private static string Lower(Role role) => role.ToString().ToLowerInvariant();
}
